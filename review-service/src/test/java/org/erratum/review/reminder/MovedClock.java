package org.erratum.review.reminder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * A clock the tests move from day to day, the one every bean of a context reads once this initializer made it the
 * primary {@link Clock}. Static, so two contexts read the same time, as two
 * instances of the service read the same wall clock.
 */
public final class MovedClock extends Clock implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static volatile Instant now = Instant.now();

    static final Clock CLOCK = new MovedClock();

    /** Moves every context's clock to 09:00 UTC on this day. */
    static void setTo(LocalDate day) {
        now = day.atTime(LocalTime.of(9, 0)).toInstant(ZoneOffset.UTC);
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ((GenericApplicationContext) context).registerBean("movedClock", Clock.class, () -> CLOCK,
                definition -> definition.setPrimary(true));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service reads UTC");
    }

    @Override
    public Instant instant() {
        return now;
    }
}

package org.erratum.feedback.contact;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Every {@code erratum.feedback.mail.poll-interval}, on every instance: writes the acknowledgements whose fallback
 * time came, then sends what is due. Instances share the sending through the outbox's atomic claims.
 */
@Configuration(proxyBeanMethods = false)
class MailRounds implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(MailRounds.class);

    private final HearingBack hearingBack;
    private final Postman postman;
    private final ReaderMailProperties settings;
    private final Clock clock;

    MailRounds(HearingBack hearingBack, Postman postman, ReaderMailProperties settings, Clock clock) {
        this.hearingBack = hearingBack;
        this.postman = postman;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::round, settings.pollInterval());
    }

    private void round() {
        try {
            hearingBack.acknowledgeOverdue(clock.instant());
            postman.deliverDue();
        } catch (RuntimeException e) {
            // MongoDB away: the outbox keeps everything for the next round
            log.warn("Mail round did not complete: {}", e.getMessage());
        }
    }
}

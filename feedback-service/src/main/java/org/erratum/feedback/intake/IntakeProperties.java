package org.erratum.feedback.intake;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the intake screening ({@code erratum.feedback.intake.*}).
 *
 * @param formToken   how long a reader may take between page load and submit
 * @param rateLimits  how much feedback one client may send
 * @param maxBodySize the largest feedback request body read at all; the largest valid report, fully escaped, fits
 *                    well inside the default
 */
@Validated
@ConfigurationProperties("erratum.feedback.intake")
public record IntakeProperties(
        @DefaultValue @Valid FormToken formToken,
        @DefaultValue @Valid RateLimits rateLimits,
        @DefaultValue("32KB") @NotNull DataSize maxBodySize) {

    /**
     * @param minAge a form sent sooner after the page was rendered is taken for a bot's and kept as spam
     * @param maxAge an older form is refused and the reader asked to reload the page
     */
    public record FormToken(@DefaultValue("2s") @NotNull @DurationMin(nanos = 0) Duration minAge,
            @DefaultValue("7d") @NotNull Duration maxAge) {

        @AssertTrue(message = "min-age must be below max-age")
        boolean isMinAgeBelowMaxAge() {
            return minAge == null || maxAge == null || maxAge.compareTo(minAge) > 0;
        }
    }

    /**
     * Limits are held in memory, per instance: with n instances behind a load balancer a client may send up to n
     * times as much. That is enough to blunt a flood; an exact shared limit would need a shared store.
     *
     * @param votes      votes one client may cast
     * @param reports    reports one client may send
     * @param maxClients most clients tracked at once; the least recently seen are forgotten first, so memory stays
     *                   bounded under a flood of addresses
     */
    public record RateLimits(@DefaultValue @Valid VoteLimit votes, @DefaultValue @Valid ReportLimit reports,
            @DefaultValue("100000") @Positive long maxClients) {
    }

    /**
     * A token bucket: a client may send {@code capacity} at once, and gets them back evenly over {@code period}.
     */
    public interface Limit {

        /** How many submissions a burst may hold. */
        long capacity();

        /** How long until a drained allowance is full again. */
        Duration period();
    }

    /** Votes: a reader votes once per article revision, so a few dozen a minute is already generous. */
    public record VoteLimit(@DefaultValue("20") @Positive long capacity,
            @DefaultValue("1m") @NotNull @DurationMin(nanos = 1) Duration period) implements Limit {
    }

    /** Reports take a reader minutes to write; five in ten minutes leaves room for a real one and stops a flood. */
    public record ReportLimit(@DefaultValue("5") @Positive long capacity,
            @DefaultValue("10m") @NotNull @DurationMin(nanos = 1) Duration period) implements Limit {
    }
}

package org.erratum.feedback.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the intake screening ({@code erratum.feedback.intake.*}).
 *
 * @param formToken   how long a reader may take between page load and submit
 * @param rateLimits  how much feedback one client may send
 * @param maxBodySize the largest feedback request body read at all; the largest valid report, fully escaped, fits
 *                    well inside the default
 */
@ConfigurationProperties("erratum.feedback.intake")
public record IntakeProperties(
        @DefaultValue FormToken formToken,
        @DefaultValue RateLimits rateLimits,
        @DefaultValue("32KB") DataSize maxBodySize) {

    /**
     * @param minAge a form sent sooner after the page was rendered is taken for a bot's and kept as spam
     * @param maxAge an older form is refused and the reader asked to reload the page
     */
    public record FormToken(@DefaultValue("2s") Duration minAge, @DefaultValue("7d") Duration maxAge) {

        public FormToken {
            Assert.isTrue(!minAge.isNegative() && maxAge.compareTo(minAge) > 0,
                    "erratum.feedback.intake.form-token: min-age must be zero or more and below max-age");
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
    public record RateLimits(@DefaultValue VoteLimit votes, @DefaultValue ReportLimit reports,
            @DefaultValue("100000") long maxClients) {

        public RateLimits {
            Assert.isTrue(maxClients > 0, "erratum.feedback.intake.rate-limits.max-clients must be positive");
        }
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
    public record VoteLimit(@DefaultValue("20") long capacity, @DefaultValue("1m") Duration period) implements Limit {

        public VoteLimit {
            Assert.isTrue(capacity > 0 && !period.isNegative() && !period.isZero(), "a rate limit needs a positive capacity and period");
        }
    }

    /** Reports take a reader minutes to write; five in ten minutes leaves room for a real one and stops a flood. */
    public record ReportLimit(@DefaultValue("5") long capacity, @DefaultValue("10m") Duration period)
            implements Limit {

        public ReportLimit {
            Assert.isTrue(capacity > 0 && !period.isNegative() && !period.isZero(), "a rate limit needs a positive capacity and period");
        }
    }
}

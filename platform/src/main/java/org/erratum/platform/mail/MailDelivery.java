package org.erratum.platform.mail;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * How a service's {@link Postman} sends: each service builds it from its own validated settings.
 *
 * @param from            the sender of every message, e.g. {@code Erratum Health <feedback@example.org>}
 * @param batchSize       most messages one instance sends in one round
 * @param claimLease      how long a message an instance took stays its own to send; after that (the instance died
 *                        mid-send) another may send it
 * @param retryBackoff    wait before sending again after the SMTP server refused or was away; doubles with every
 *                        further failure of the same message
 * @param retryBackoffMax the longest such wait
 */
public record MailDelivery(String from, int batchSize, Duration claimLease, Duration retryBackoff,
        Duration retryBackoffMax) {

    public MailDelivery {
        Assert.hasText(from, "the sender (from) must be set");
        Assert.isTrue(batchSize > 0, "batch-size must be positive");
        Assert.isTrue(claimLease.compareTo(Duration.ZERO) > 0, "claim-lease must be positive");
        Assert.isTrue(retryBackoff.compareTo(Duration.ZERO) > 0 && retryBackoffMax.compareTo(retryBackoff) >= 0,
                "retry-backoff must be positive and at most retry-backoff-max");
    }

    Duration backoff(int attempts) {
        Duration wait = retryBackoff;
        for (int i = 1; i < attempts && wait.compareTo(retryBackoffMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(retryBackoffMax) > 0 ? retryBackoffMax : wait;
    }
}

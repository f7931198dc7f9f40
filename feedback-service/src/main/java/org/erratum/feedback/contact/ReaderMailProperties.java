package org.erratum.feedback.contact;

import java.net.URI;
import java.time.Duration;

import org.erratum.platform.mail.MailDelivery;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * Settings of the messages to readers who asked to hear back ({@code erratum.feedback.mail.*}). Where the SMTP
 * server is, and how to sign in to it, are Spring Boot's own {@code spring.mail.*} settings.
 *
 * @param from                    the sender of every message, e.g. {@code Erratum Health <feedback@example.org>}
 * @param publisherName           who signs the messages
 * @param publicBaseUrl           where readers reach this service: every message links to its erasure page here
 * @param acknowledgementFallback how long after a report its acknowledgement waits for the review queue to say
 *                                which item the report joined; after that it goes without the item's deadline
 * @param fallbackAnswerWithin    the time to an answer such an acknowledgement promises
 * @param pollInterval            how often due messages are looked for and sent
 * @param batchSize               most messages one instance sends in one round
 * @param claimLease              how long a message an instance took stays its own to send; after that (the
 *                                instance died mid-send) another may send it
 * @param retryBackoff            wait before sending again after the SMTP server refused or was away; doubles with
 *                                every further failure of the same message
 * @param retryBackoffMax         the longest such wait
 */
@ConfigurationProperties("erratum.feedback.mail")
public record ReaderMailProperties(
        @DefaultValue("Erratum Health <feedback@erratum.localhost>") String from,
        @DefaultValue("Erratum Health") String publisherName,
        @DefaultValue("http://localhost:8082") URI publicBaseUrl,
        @DefaultValue("15m") Duration acknowledgementFallback,
        @DefaultValue("14d") Duration fallbackAnswerWithin,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("50") int batchSize,
        @DefaultValue("5m") Duration claimLease,
        @DefaultValue("30s") Duration retryBackoff,
        @DefaultValue("30m") Duration retryBackoffMax) {

    public ReaderMailProperties {
        Assert.hasText(from, "erratum.feedback.mail.from must be set");
        Assert.hasText(publisherName, "erratum.feedback.mail.publisher-name must be set");
        Assert.isTrue(positive(acknowledgementFallback) && positive(pollInterval) && positive(claimLease),
                "erratum.feedback.mail.acknowledgement-fallback, poll-interval and claim-lease must be positive");
        Assert.isTrue(fallbackAnswerWithin.toDays() >= 1,
                "erratum.feedback.mail.fallback-answer-within must be at least a day");
        Assert.isTrue(batchSize > 0, "erratum.feedback.mail.batch-size must be positive");
        Assert.isTrue(positive(retryBackoff) && retryBackoffMax.compareTo(retryBackoff) >= 0,
                "erratum.feedback.mail.retry-backoff must be positive and at most retry-backoff-max");
    }

    /** How the postman sends these messages. */
    MailDelivery delivery() {
        return new MailDelivery(from, batchSize, claimLease, retryBackoff, retryBackoffMax);
    }

    private static boolean positive(Duration duration) {
        return duration.compareTo(Duration.ZERO) > 0;
    }
}

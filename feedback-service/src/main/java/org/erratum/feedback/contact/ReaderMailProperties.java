package org.erratum.feedback.contact;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.erratum.platform.mail.MailDelivery;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

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
@Validated
@ConfigurationProperties("erratum.feedback.mail")
public record ReaderMailProperties(
        @DefaultValue("Erratum Health <feedback@erratum.localhost>") @NotBlank String from,
        @DefaultValue("Erratum Health") @NotBlank String publisherName,
        @DefaultValue("http://localhost:8082") @NotNull URI publicBaseUrl,
        @DefaultValue("15m") @NotNull @DurationMin(nanos = 1) Duration acknowledgementFallback,
        @DefaultValue("14d") @NotNull @DurationMin(days = 1) Duration fallbackAnswerWithin,
        @DefaultValue("5s") @NotNull @DurationMin(nanos = 1) Duration pollInterval,
        @DefaultValue("50") @Positive int batchSize,
        @DefaultValue("5m") @NotNull @DurationMin(nanos = 1) Duration claimLease,
        @DefaultValue("30s") @NotNull @DurationMin(nanos = 1) Duration retryBackoff,
        @DefaultValue("30m") @NotNull Duration retryBackoffMax) {

    /** How the postman sends these messages. */
    MailDelivery delivery() {
        return new MailDelivery(from, batchSize, claimLease, retryBackoff, retryBackoffMax);
    }

    @AssertTrue(message = "retry-backoff must be at most retry-backoff-max")
    boolean isBackoffOrdered() {
        return retryBackoff == null || retryBackoffMax == null || retryBackoffMax.compareTo(retryBackoff) >= 0;
    }
}

package org.erratum.review.reminder;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.erratum.platform.mail.MailDelivery;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the reminders to article owners ({@code erratum.review.reminders.*}). Where the SMTP server is, and how
 * to sign in to it, are Spring Boot's own {@code spring.mail.*} settings.
 *
 * @param leadTime        how long before a review falls due its owner is first reminded (whole days)
 * @param chaserInterval  while a review is overdue, how often its owner is reminded again (whole days)
 * @param digestDay       the day of the week (UTC) from which each owner's weekly digest goes
 * @param from            the sender of every reminder
 * @param consoleBaseUrl  where reviewers reach this service: the links to the queue and its items
 * @param pollInterval    how often each instance writes the reminders that fell due and sends what is due
 * @param batchSize       most reminders one instance sends in one round
 * @param claimLease      how long a reminder an instance took stays its own to send
 * @param retryBackoff    wait before sending again after the SMTP server refused or was away, doubling per failure
 * @param retryBackoffMax the longest such wait
 */
@Validated
@ConfigurationProperties("erratum.review.reminders")
public record ReminderProperties(
        @DefaultValue("14d") @NotNull Duration leadTime,
        @DefaultValue("7d") @NotNull Duration chaserInterval,
        @DefaultValue("MONDAY") @NotNull DayOfWeek digestDay,
        @DefaultValue("Erratum Health <reviews@erratum.localhost>") @NotBlank String from,
        @DefaultValue("http://localhost:8083") @NotNull URI consoleBaseUrl,
        @DefaultValue("1m") @NotNull Duration pollInterval,
        @DefaultValue("50") @Positive int batchSize,
        @DefaultValue("5m") @NotNull Duration claimLease,
        @DefaultValue("30s") @NotNull Duration retryBackoff,
        @DefaultValue("30m") @NotNull Duration retryBackoffMax) {

    public ReminderProperties {
        Assert.isTrue(leadTime == null || leadTime.toDays() >= 1,
                "erratum.review.reminders.lead-time must be at least a day");
        Assert.isTrue(chaserInterval == null || chaserInterval.toDays() >= 1,
                "erratum.review.reminders.chaser-interval must be at least a day");
        Assert.isTrue(pollInterval == null || pollInterval.compareTo(Duration.ZERO) > 0,
                "erratum.review.reminders.poll-interval must be positive");
    }

    MailDelivery delivery() {
        return new MailDelivery(from, batchSize, claimLease, retryBackoff, retryBackoffMax);
    }
}

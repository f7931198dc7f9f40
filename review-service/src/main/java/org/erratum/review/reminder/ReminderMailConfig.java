package org.erratum.review.reminder;

import java.time.Clock;
import java.util.Arrays;

import io.micrometer.core.instrument.MeterRegistry;
import org.erratum.platform.mail.MailMeters;
import org.erratum.platform.mail.MailOutbox;
import org.erratum.platform.mail.MailRounds;
import org.erratum.platform.mail.Postman;
import org.erratum.review.reminder.ReminderStage.Kind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * A postman on the platform's mail outbox, sending reminders to article owners: every
 * {@code erratum.review.reminders.poll-interval}, on every instance, the reminders that fell due are written, then
 * what is due is sent. Instances share the sending through the outbox's atomic claims with a lease.
 */
@Configuration(proxyBeanMethods = false)
class ReminderMailConfig {

    @Bean
    Postman postman(MailOutbox mails, JavaMailSender smtp, ReminderProperties settings, MeterRegistry meters,
            Clock clock) {
        return new Postman(mails, smtp, settings.delivery(), new MailMeters(meters, "erratum.review.reminders",
                "reminders to article owners", Arrays.stream(Kind.values()).map(Kind::tag).toList()), clock,
                mail -> {
                    // nothing to erase: owners are staff, and the record of the reminder must stay
                });
    }

    @Bean
    MailRounds reminderRounds(OwnerReminders reminders, Postman postman, ReminderProperties settings) {
        return new MailRounds(settings.pollInterval(), reminders::writeDue, postman);
    }
}

package org.erratum.feedback.contact;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.erratum.feedback.contact.Contacts.Erasure;
import org.erratum.feedback.contact.ReaderMail.Kind;
import org.erratum.platform.mail.MailMeters;
import org.erratum.platform.mail.MailOutbox;
import org.erratum.platform.mail.MailRounds;
import org.erratum.platform.mail.Postman;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * A postman on the platform's mail outbox, sending to readers: every {@code erratum.feedback.mail.poll-interval}, on
 * every instance, the acknowledgements whose fallback time came are written, then what is due is sent. Once an
 * outcome is sent, the reader's address is erased.
 */
@Configuration(proxyBeanMethods = false)
class ReaderMailConfig {

    @Bean
    Postman postman(MailOutbox mails, Contacts contacts, JavaMailSender smtp, ReaderMailProperties settings,
            MeterRegistry meters, Clock clock) {
        return new Postman(mails, smtp, settings.delivery(),
                new MailMeters(meters, "erratum.feedback.mail", "messages to readers", Kind.tags()), clock,
                mail -> {
                    if (Kind.isOutcome(mail)) {
                        contacts.erase(mail.about(), Erasure.OUTCOME_SENT);
                    }
                });
    }

    @Bean
    MailRounds mailRounds(HearingBack hearingBack, Postman postman, ReaderMailProperties settings, Clock clock) {
        return new MailRounds(settings.pollInterval(), () -> hearingBack.acknowledgeOverdue(clock.instant()),
                postman);
    }
}

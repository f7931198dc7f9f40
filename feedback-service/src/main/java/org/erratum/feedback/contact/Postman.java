package org.erratum.feedback.contact;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.erratum.feedback.contact.Contacts.Erasure;
import org.erratum.feedback.contact.Mail.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends the due messages of the {@link MailOutbox} through the SMTP server, one at a time, each taken atomically
 * so that several instances share the work without sending anything twice. A message the server does not accept
 * is tried again later, waiting twice as long after each failure; the round then ends, since the next message
 * would most likely meet the same server. Once an outcome is sent, the reader's address is erased.
 */
@Component
class Postman {

    private static final Logger log = LoggerFactory.getLogger(Postman.class);

    private final MailOutbox mails;
    private final Contacts contacts;
    private final JavaMailSender smtp;
    private final ReaderMailProperties settings;
    private final Clock clock;
    private final Map<Kind, Counter> sent = new EnumMap<>(Kind.class);
    private final Map<Kind, Counter> failed = new EnumMap<>(Kind.class);

    Postman(MailOutbox mails, Contacts contacts, JavaMailSender smtp, ReaderMailProperties settings,
            MeterRegistry meters, Clock clock) {
        this.mails = mails;
        this.contacts = contacts;
        this.smtp = smtp;
        this.settings = settings;
        this.clock = clock;
        for (Kind kind : Kind.values()) {
            sent.put(kind, Counter.builder("erratum.feedback.mail.sent")
                    .description("Messages to readers the SMTP server accepted").tag("kind", kind.tag())
                    .register(meters));
            failed.put(kind, Counter.builder("erratum.feedback.mail.failed")
                    .description("Attempts to send a message to a reader that the SMTP server did not accept")
                    .tag("kind", kind.tag()).register(meters));
        }
    }

    /** @return how many messages went out in this round */
    int deliverDue() {
        int delivered = 0;
        while (delivered < settings.batchSize()) {
            Instant now = clock.instant();
            Optional<Mail> claimed = mails.claimDue(now, settings.claimLease());
            if (claimed.isEmpty()) {
                break;
            }
            Mail mail = claimed.get();
            try {
                send(mail);
            } catch (MailException e) {
                failed.get(mail.kind()).increment();
                Duration wait = backoff(mail.attempts());
                log.warn("Could not send the {} for report {} (attempt {}); trying again in {}: {}",
                        mail.kind().tag(), mail.reportId(), mail.attempts(), wait, e.getMessage());
                mails.retryLater(mail, now.plus(wait));
                break;
            }
            mails.sent(mail, clock.instant());
            sent.get(mail.kind()).increment();
            delivered++;
            if (mail.kind().outcome()) {
                contacts.erase(mail.reportId(), Erasure.OUTCOME_SENT);
            }
        }
        return delivered;
    }

    private void send(Mail mail) {
        smtp.send(message -> {
            MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), false);
            // RFC 3834: an automatic message, so vacation responders do not answer it
            message.setHeader("Auto-Submitted", "auto-generated");
        });
    }

    private Duration backoff(int attempts) {
        Duration wait = settings.retryBackoff();
        for (int i = 1; i < attempts && wait.compareTo(settings.retryBackoffMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.retryBackoffMax()) > 0 ? settings.retryBackoffMax() : wait;
    }
}

package org.erratum.platform.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends the due messages of a {@link MailOutbox} through the SMTP server, one at a time, each taken atomically so
 * that several instances share the work without sending anything twice. A message the server does not accept is
 * tried again later, waiting twice as long after each failure; the round then ends, since the next message would
 * most likely meet the same server.
 */
public class Postman {

    private static final Logger log = LoggerFactory.getLogger(Postman.class);

    private final MailOutbox mails;
    private final JavaMailSender smtp;
    private final MailDelivery settings;
    private final MailMeters meters;
    private final Clock clock;
    private final Consumer<Mail> afterSending;

    /** @param afterSending what the service does once a message went, e.g. erase the address it went to */
    public Postman(MailOutbox mails, JavaMailSender smtp, MailDelivery settings, MailMeters meters, Clock clock,
            Consumer<Mail> afterSending) {
        this.mails = mails;
        this.smtp = smtp;
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
        this.afterSending = afterSending;
    }

    /** @return how many messages went out in this round */
    public int deliverDue() {
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
                meters.failed(mail);
                Duration wait = settings.backoff(mail.attempts());
                log.warn("Could not send the {} about {} (attempt {}); trying again in {}: {}", mail.kind(),
                        mail.about(), mail.attempts(), wait, e.getMessage());
                mails.retryLater(mail, now.plus(wait));
                break;
            }
            mails.sent(mail, clock.instant());
            meters.sent(mail);
            delivered++;
            afterSending.accept(mail);
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
}

package org.erratum.platform.mail;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message in a service's outbox of mails. Its id says which message it is (the service derives it from what the
 * message is about, e.g. {@code acknowledgement:<report>}), so a message is written once however often the cause
 * behind it comes round, and by however many instances. While {@code PENDING} it holds the address and the text;
 * once sent or cancelled only the record that it was remains, so it is not written again.
 *
 * @param about     what the message is about (a report, an article, an owner), for logs and for erasing it with that
 * @param kind      what the message tells; the metrics' {@code kind} label, so one of a few fixed words
 * @param dueAt     when it may be sent next; taking it to send moves this ahead by the claim lease, so no other
 *                  instance sends it meanwhile
 * @param attempts  how often sending was tried
 * @param expiresAt when the message and the record of it go (TTL); null keeps the record for good
 */
@Document("mails")
@CompoundIndex(name = "due", def = "{'state': 1, 'dueAt': 1}")
public record Mail(
        @Id String id,
        String about,
        String kind,
        State state,
        String to,
        String subject,
        String text,
        Instant dueAt,
        int attempts,
        @Indexed(name = "expiry", expireAfter = "0s") Instant expiresAt,
        Instant sentAt) {

    public enum State { PENDING, SENT, CANCELLED }

    /** A message to send from {@code now} on. */
    public static Mail pending(String id, String about, String kind, String to, String subject, String text,
            Instant now, Instant expiresAt) {
        return new Mail(id, about, kind, State.PENDING, to, subject, text, now, 0, expiresAt, null);
    }
}

package org.erratum.feedback.contact;

import java.time.Instant;
import java.util.Locale;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message to a reader, in the outbox of mails. Its id says which message of which report it is
 * ({@code acknowledgement:<report>}, {@code outcome:<report>}), so a message is written once however often the
 * event behind it arrives. While {@code PENDING} it holds the address and the text; once sent or cancelled only
 * the record that it was remains, so it is not written again, and that goes with the contact.
 *
 * @param dueAt    when it may be sent next; taking it to send moves this ahead by the claim lease, so no other
 *                 instance sends it meanwhile
 * @param attempts how often sending was tried
 * @param expiresAt the contact's retention limit: a message not sent by then is erased with the address
 */
@Document("mails")
@CompoundIndex(name = "due", def = "{'state': 1, 'dueAt': 1}")
public record Mail(
        @Id String id,
        String reportId,
        Kind kind,
        State state,
        String to,
        String subject,
        String text,
        Instant dueAt,
        int attempts,
        @Indexed(name = "expiry", expireAfter = "0s") Instant expiresAt,
        Instant sentAt) {

    /** What a message tells; the metrics' {@code kind} label. */
    public enum Kind {
        ACKNOWLEDGEMENT, REVISED, NO_CHANGE_NEEDED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean outcome() {
            return this != ACKNOWLEDGEMENT;
        }
    }

    public enum State { PENDING, SENT, CANCELLED }

    static String acknowledgementId(String reportId) {
        return "acknowledgement:" + reportId;
    }

    static String outcomeId(String reportId) {
        return "outcome:" + reportId;
    }

    /** A message to send now. */
    static Mail pending(Contact contact, Kind kind, Letter letter, Instant now) {
        String id = kind.outcome() ? outcomeId(contact.reportId()) : acknowledgementId(contact.reportId());
        return new Mail(id, contact.reportId(), kind, State.PENDING, contact.email(), letter.subject(),
                letter.text(), now, 0, contact.expiresAt(), null);
    }
}

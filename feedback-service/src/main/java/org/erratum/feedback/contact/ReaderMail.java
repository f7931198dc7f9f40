package org.erratum.feedback.contact;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.erratum.platform.mail.Mail;

/**
 * The messages to a reader, in the service's mail outbox. Each one's id says which message of which report it is
 * ({@code acknowledgement:<report>}, {@code outcome:<report>}), so a message is written once however often the event
 * behind it arrives; it expires with the contact's retention, so a message not sent by then is erased with the
 * address.
 */
final class ReaderMail {

    /** What a message tells; the metrics' {@code kind} label. */
    enum Kind {
        ACKNOWLEDGEMENT, REVISED, NO_CHANGE_NEEDED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean outcome() {
            return this != ACKNOWLEDGEMENT;
        }

        static boolean isOutcome(Mail mail) {
            return !ACKNOWLEDGEMENT.tag().equalsIgnoreCase(mail.kind());
        }

        static List<String> tags() {
            return List.of(values()).stream().map(Kind::tag).toList();
        }
    }

    private ReaderMail() {
    }

    static String acknowledgementId(String reportId) {
        return "acknowledgement:" + reportId;
    }

    static String outcomeId(String reportId) {
        return "outcome:" + reportId;
    }

    static List<String> idsFor(String reportId) {
        return List.of(acknowledgementId(reportId), outcomeId(reportId));
    }

    /** A message to send now. */
    static Mail pending(Contact contact, Kind kind, Letter letter, Instant now) {
        String id = kind.outcome() ? outcomeId(contact.reportId()) : acknowledgementId(contact.reportId());
        return Mail.pending(id, contact.reportId(), kind.tag(), contact.email(), letter.subject(), letter.text(), now,
                contact.expiresAt());
    }
}

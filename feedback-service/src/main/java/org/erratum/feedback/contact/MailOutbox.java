package org.erratum.feedback.contact;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.erratum.feedback.contact.Mail.State;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The outbox of mails to readers. A message is written once (its id names the report and the message), taken to
 * send by exactly one instance ({@code findAndModify} on a due, pending message moves it out of everyone else's
 * reach for the claim lease), and marked sent only after the SMTP server accepted it, which also drops the address
 * and the text from it. What it cannot promise is that a message goes out only once if an instance dies after the
 * SMTP server accepted it and before marking it: another sends it again once the lease ends.
 */
@Component
class MailOutbox {

    private static final String STATE = "state";
    private static final String DUE_AT = "dueAt";

    private final MongoTemplate mongo;

    MailOutbox(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Writes the message unless it was written before, in which case it stays as it is (sent, perhaps). */
    void enqueue(Mail mail) {
        try {
            mongo.insert(mail);
        } catch (DuplicateKeyException writtenBefore) {
            // the same event again, or the fallback and the review queue's answer crossing: one message
        }
    }

    /** Takes the oldest due message to send, so that no other instance takes it before {@code lease} ends. */
    Optional<Mail> claimDue(Instant now, Duration lease) {
        Query due = query(where(STATE).is(State.PENDING).and(DUE_AT).lte(now)).with(Sort.by(DUE_AT));
        return Optional.ofNullable(mongo.findAndModify(due,
                new Update().set(DUE_AT, now.plus(lease)).inc("attempts", 1),
                FindAndModifyOptions.options().returnNew(true), Mail.class));
    }

    /** The SMTP server accepted it: only the record that it was sent stays, so it is never written again. */
    void sent(Mail mail, Instant at) {
        mongo.updateFirst(pending(mail.id()), withoutContent().set(STATE, State.SENT).set("sentAt", at), Mail.class);
    }

    /** Sending failed: try again at {@code retryAt}. */
    void retryLater(Mail mail, Instant retryAt) {
        mongo.updateFirst(pending(mail.id()), new Update().set(DUE_AT, retryAt), Mail.class);
    }

    /** The outcome is on its way: an acknowledgement that has not gone yet would only arrive after it. */
    void cancelAcknowledgement(String reportId) {
        mongo.updateFirst(pending(Mail.acknowledgementId(reportId)), withoutContent().set(STATE, State.CANCELLED),
                Mail.class);
    }

    /** Erases every message of a report, sent or not: with the contact, nothing of the address is left. */
    void eraseFor(String reportId) {
        // one by id each: key access on every store
        List.of(Mail.acknowledgementId(reportId), Mail.outcomeId(reportId))
                .forEach(id -> mongo.remove(query(where("_id").is(id)), Mail.class));
    }

    long eraseExpired(Instant now) {
        return mongo.remove(query(where("expiresAt").lte(now)), Mail.class).getDeletedCount();
    }

    private static Query pending(String id) {
        return query(where("_id").is(id).and(STATE).is(State.PENDING));
    }

    private static Update withoutContent() {
        return new Update().unset("to").unset("subject").unset("text");
    }
}

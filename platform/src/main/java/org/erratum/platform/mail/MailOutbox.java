package org.erratum.platform.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

import org.erratum.platform.mail.Mail.State;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * A service's outbox of mails. A message is written once (its id is unique, so a second write of the same message, from
 * a redelivery or another instance, is a duplicate key), taken to send by exactly one instance ({@code findAndModify}
 * on a due, pending message moves it out of everyone else's reach for the claim lease), and marked sent only after
 * the SMTP server accepted it, which also drops the address and the text from it. What it cannot promise is that a
 * message goes out only once if an instance dies after the SMTP server accepted it and before marking it: another
 * sends it again once the lease ends.
 */
public class MailOutbox {

    private static final String STATE = "state";
    private static final String DUE_AT = "dueAt";

    private final MongoTemplate mongo;

    public MailOutbox(MongoTemplate mongo) {
        this.mongo = mongo;
        // outside the services' scanned packages: making it known now creates its indexes at start
        mongo.getConverter().getMappingContext().getPersistentEntity(Mail.class);
    }

    /**
     * Writes the message unless it was written before, in which case it stays as it is (sent, perhaps).
     *
     * @return whether this call wrote it
     */
    public boolean enqueue(Mail mail) {
        try {
            mongo.insert(mail);
            return true;
        } catch (DuplicateKeyException writtenBefore) {
            // the same cause again, or another instance first: one message
            return false;
        }
    }

    public boolean exists(String id) {
        return mongo.exists(query(where("_id").is(id)), Mail.class);
    }

    /** Takes the oldest due message to send, so that no other instance takes it before {@code lease} ends. */
    public Optional<Mail> claimDue(Instant now, Duration lease) {
        Query due = query(where(STATE).is(State.PENDING).and(DUE_AT).lte(now)).with(Sort.by(DUE_AT));
        return Optional.ofNullable(mongo.findAndModify(due,
                new Update().set(DUE_AT, now.plus(lease)).inc("attempts", 1),
                FindAndModifyOptions.options().returnNew(true), Mail.class));
    }

    /** The SMTP server accepted it: only the record that it was sent stays, so it is never written again. */
    public void sent(Mail mail, Instant at) {
        mongo.updateFirst(pending(mail.id()), withoutContent().set(STATE, State.SENT).set("sentAt", at), Mail.class);
    }

    /** Sending failed: try again at {@code retryAt}. */
    public void retryLater(Mail mail, Instant retryAt) {
        mongo.updateFirst(pending(mail.id()), new Update().set(DUE_AT, retryAt), Mail.class);
    }

    /** The message is not to go after all, if it has not gone yet; the record that it was stays. */
    public void cancel(String id) {
        mongo.updateFirst(pending(id), withoutContent().set(STATE, State.CANCELLED), Mail.class);
    }

    /** Erases these messages, sent or not. */
    public void erase(Collection<String> ids) {
        // one by id each: key access on every store
        ids.forEach(id -> mongo.remove(query(where("_id").is(id)), Mail.class));
    }

    /** Erases what has expired. MongoDB's TTL index does the same on its own; this covers stores without TTL. */
    public long eraseExpired(Instant now) {
        return mongo.remove(query(where("expiresAt").lte(now)), Mail.class).getDeletedCount();
    }

    private static Query pending(String id) {
        return query(where("_id").is(id).and(STATE).is(State.PENDING));
    }

    private static Update withoutContent() {
        return new Update().unset("to").unset("subject").unset("text");
    }
}

package org.erratum.feedback.contact;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.erratum.platform.mail.MailOutbox;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The readers' consented addresses after intake: which review item each will hear about, and erasing them. Every
 * change names one contact by its id, except following an item's resolution ({@code awaits}, indexed) and the
 * periodic sweeps for due acknowledgements and expired addresses.
 */
@Component
public class Contacts {

    /** Why an address was erased; the metric's {@code reason} label. */
    enum Erasure { OUTCOME_SENT, READER_ASKED, SPAM, RETENTION }

    private static final String AWAITS = "awaits";
    private static final String ACKNOWLEDGE_BY = "acknowledgeBy";

    private final MongoTemplate mongo;
    private final MailOutbox mails;
    private final Map<Erasure, Counter> erased = new EnumMap<>(Erasure.class);

    Contacts(MongoTemplate mongo, MailOutbox mails, MeterRegistry meters) {
        this.mongo = mongo;
        this.mails = mails;
        for (Erasure reason : Erasure.values()) {
            erased.put(reason, Counter.builder("erratum.feedback.contacts.erased")
                    .description("Readers' contact addresses erased, by why")
                    .tag("reason", reason.name().toLowerCase(Locale.ROOT)).register(meters));
        }
    }

    Optional<Contact> find(String reportId) {
        return Optional.ofNullable(mongo.findById(reportId, Contact.class));
    }

    /**
     * Records the item the report joined, unless one is recorded already (the same event again, or the item was
     * since found to duplicate another).
     *
     * @return the contact as it now stands; empty when there is none (no consent, spam, or erased)
     */
    Optional<Contact> joined(String reportId, String itemId) {
        Contact linked = mongo.findAndModify(query(where("_id").is(reportId).and(AWAITS).is(null)),
                new Update().set(AWAITS, itemId).set("itemId", itemId),
                FindAndModifyOptions.options().returnNew(true), Contact.class);
        return linked != null ? Optional.of(linked) : find(reportId);
    }

    /** The acknowledgement is written: no fallback for it any more. */
    void acknowledged(String reportId) {
        mongo.updateFirst(query(where("_id").is(reportId)), new Update().unset(ACKNOWLEDGE_BY), Contact.class);
    }

    /** Contacts still unacknowledged at their fallback time, oldest first. */
    List<Contact> dueForAcknowledgement(Instant now, int limit) {
        return mongo.find(query(where(ACKNOWLEDGE_BY).lte(now)).limit(limit), Contact.class);
    }

    /** Every reader who will be told this item's outcome. */
    List<Contact> awaiting(String itemId) {
        return mongo.find(query(where(AWAITS).is(itemId)), Contact.class);
    }

    /** The item turned out to duplicate another: its readers will be told that one's outcome. */
    void redirect(String fromItem, String toItem) {
        mongo.updateMulti(query(where(AWAITS).is(fromItem)), new Update().set(AWAITS, toItem), Contact.class);
    }

    /**
     * Erases the address when the link's token is the contact's.
     *
     * @return whether an address was erased
     */
    boolean eraseWithToken(String reportId, String token) {
        Optional<Contact> contact = find(reportId).filter(held -> held.erasableWith(token));
        contact.ifPresent(held -> erase(held.reportId(), Erasure.READER_ASKED));
        return contact.isPresent();
    }

    /** Erases the address and every message for it: nothing more is sent to it. */
    void erase(String reportId, Erasure reason) {
        mails.erase(ReaderMail.idsFor(reportId));
        if (mongo.remove(query(where("_id").is(reportId)), Contact.class).getDeletedCount() > 0) {
            erased.get(reason).increment();
        }
    }

    /**
     * Erases addresses whose retention has ended, with their messages. MongoDB's TTL indexes do the same on their
     * own; this covers stores without TTL support and the TTL monitor's lag.
     *
     * @return how many addresses were erased
     */
    public long eraseExpired(Instant now) {
        mails.eraseExpired(now);
        long count = mongo.remove(query(where("expiresAt").lte(now)), Contact.class).getDeletedCount();
        erased.get(Erasure.RETENTION).increment(count);
        return count;
    }
}

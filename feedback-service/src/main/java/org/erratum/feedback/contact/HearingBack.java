package org.erratum.feedback.contact;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.erratum.events.ReviewItemChanged;
import org.erratum.events.ReviewItemChanged.Outcome;
import org.erratum.events.ReviewItemChanged.Resolution;
import org.erratum.events.ReviewItemChanged.State;
import org.erratum.feedback.article.ArticleProjection;
import org.erratum.feedback.contact.Contacts.Erasure;
import org.erratum.feedback.contact.ReaderMail.Kind;
import org.erratum.platform.mail.MailOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Readers who asked hear back, as the review queue's items change ({@code review.items}): an acknowledgement once
 * their report joined an item, promising an answer by the item's deadline, and the outcome once it is resolved
 * (a duplicate's readers get the outcome of the item it duplicates, when that comes; spam gets nothing). Each
 * message is written to the {@link MailOutbox} once, under an id of its own, so an event that arrives twice writes
 * nothing new; an item's state no newer than the one acted on is not acted on at all.
 */
@Service
public class HearingBack {

    /** How far a chain of duplicates is followed; a longer one (or a loop) waits for the retention limit. */
    private static final int MAX_DUPLICATE_HOPS = 10;

    private static final Logger log = LoggerFactory.getLogger(HearingBack.class);

    private final Contacts contacts;
    private final MailOutbox mails;
    private final Letters letters;
    private final ArticleProjection articles;
    private final MongoTemplate mongo;
    private final ReaderMailProperties settings;
    private final Clock clock;

    HearingBack(Contacts contacts, MailOutbox mails, Letters letters, ArticleProjection articles, MongoTemplate mongo,
            ReaderMailProperties settings, Clock clock) {
        this.contacts = contacts;
        this.mails = mails;
        this.letters = letters;
        this.articles = articles;
        this.mongo = mongo;
        this.settings = settings;
        this.clock = clock;
    }

    public void follow(ReviewItemChanged changed) {
        FollowedItem held = mongo.findById(changed.itemId(), FollowedItem.class);
        if (held != null && held.version() != null && held.version() >= changed.version()) {
            log.debug("Review item {} version {} was acted on already", changed.itemId(), changed.version());
            return;
        }
        // The resolution is kept before anyone is told, and a duplicate's readers are redirected before its
        // target is looked up: an item and its duplicate may change at once on two partitions, and either way
        // one of the two sees the other's write.
        Resolution resolution = changed.state() == State.RESOLVED ? changed.resolution() : null;
        mongo.upsert(query(where("_id").is(changed.itemId())),
                new Update().set("articleId", changed.articleId()).set("resolution", resolution), FollowedItem.class);
        if (changed.reportEventId() != null) {
            joined(changed);
        }
        if (resolution != null) {
            settle(changed.itemId(), 0);
        }
        // acted on: last, so a crash before this acts again on redelivery, which writes no message twice
        mongo.updateFirst(query(where("_id").is(changed.itemId())), new Update().set("version", changed.version()),
                FollowedItem.class);
    }

    /** Acknowledges the report that made this state, with the item's deadline as the time to an answer. */
    private void joined(ReviewItemChanged changed) {
        contacts.joined(changed.reportEventId(), changed.itemId())
                .filter(contact -> contact.acknowledgeBy() != null)
                .ifPresent(contact -> acknowledge(contact, changed.resolveDueAt() == null
                        ? settings.fallbackAnswerWithin() : Duration.between(clock.instant(), changed.resolveDueAt())));
    }

    /**
     * Acknowledges reports the review queue has not placed in time (review-service away, or its event lost): the
     * reader was promised word soon after reporting, so it goes with the configured time to an answer.
     *
     * @return how many acknowledgements were written
     */
    int acknowledgeOverdue(Instant now) {
        var due = contacts.dueForAcknowledgement(now, settings.batchSize());
        due.forEach(contact -> acknowledge(contact, settings.fallbackAnswerWithin()));
        return due.size();
    }

    private void acknowledge(Contact contact, Duration answerWithin) {
        long days = Math.max(1, (answerWithin.toHours() + 23) / 24); // a deadline in 30 hours is "within 2 days"
        mails.enqueue(ReaderMail.pending(contact, Kind.ACKNOWLEDGEMENT,
                letters.acknowledgement(contact, articles.find(contact.articleId()), days), clock.instant()));
        contacts.acknowledged(contact.reportId());
    }

    /** Acts on a resolved item for every reader awaiting it. */
    private void settle(String itemId, int hops) {
        FollowedItem item = mongo.findById(itemId, FollowedItem.class);
        if (item == null || item.resolution() == null) {
            return; // not resolved (yet): its readers hear when it is
        }
        Resolution resolution = item.resolution();
        switch (resolution.outcome()) {
            case REVISED, NO_CHANGE_NEEDED -> tell(item);
            case SPAM -> contacts.awaiting(itemId).forEach(contact -> contacts.erase(contact.reportId(),
                    Erasure.SPAM));
            case DUPLICATE -> {
                String original = resolution.duplicateOf();
                if (!StringUtils.hasText(original) || original.equals(itemId) || hops >= MAX_DUPLICATE_HOPS) {
                    log.warn("Review item {} duplicates {}: its readers wait for the retention limit", itemId,
                            original);
                    return;
                }
                contacts.redirect(itemId, original);
                settle(original, hops + 1);
            }
        }
    }

    private void tell(FollowedItem item) {
        Kind kind = item.resolution().outcome() == Outcome.REVISED ? Kind.REVISED : Kind.NO_CHANGE_NEEDED;
        var article = articles.find(item.articleId());
        for (Contact contact : contacts.awaiting(item.itemId())) {
            mails.cancel(ReaderMail.acknowledgementId(contact.reportId()));
            boolean shared = !item.itemId().equals(contact.itemId());
            mails.enqueue(ReaderMail.pending(contact, kind, letters.outcome(contact, item.resolution(), article, shared),
                    clock.instant()));
            contacts.acknowledged(contact.reportId());
        }
    }
}

package org.erratum.review.signoff;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.erratum.events.Reviewer;
import org.erratum.platform.outbox.Outbox;
import org.erratum.platform.web.IdempotencyKey;
import org.erratum.review.article.KnownArticle;
import org.erratum.review.article.KnownArticles;
import org.erratum.review.queue.ItemNotes;
import org.erratum.review.queue.ItemQueries;
import org.erratum.review.queue.Staff;
import org.erratum.review.signoff.SignOffRefusal.NotAClinician;
import org.erratum.review.signoff.SignOffRefusal.UnknownArticle;
import org.erratum.review.signoff.SignOffRefusal.UnpublishedRevision;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Clinical sign-off of an article: the decision that moves the article's "last reviewed" and "next review due".
 * Stored first, then published through the {@link SignOffOutbox}, whose relay publishes any sign-off whose
 * publication failed (Kafka away, or the instance stopped in between). Once stored it stands:
 * Kafka not acknowledging is no failure of the request, only a later announcement. A request sent again with the
 * same idempotency key answers with the sign-off it made and stores nothing new.
 */
@Service
public class SignOffs {

    /** Why a sign-off without the whole-article confirmation is refused, for the API and the console alike. */
    public static final String WHOLE_ARTICLE = "must be true: confirm that you reviewed the whole article, not only"
            + " what changed since the last sign-off";

    private final MongoTemplate mongo;
    private final KnownArticles articles;
    private final ItemQueries items;
    private final ItemNotes notes;
    private final Outbox<SignOff> outbox;
    private final Clock clock;
    private final Counter recorded;

    SignOffs(MongoTemplate mongo, KnownArticles articles, ItemQueries items, ItemNotes notes, Outbox<SignOff> outbox,
            Clock clock, MeterRegistry registry) {
        this.mongo = mongo;
        this.articles = articles;
        this.items = items;
        this.notes = notes;
        this.outbox = outbox;
        this.clock = clock;
        this.recorded = Counter.builder("erratum.review.signoffs").description("Clinical sign-offs recorded")
                .register(registry);
    }

    private static final String KIND = "sign-off";

    /**
     * @return the stored sign-off; {@code published} is false when Kafka did not acknowledge it yet, and the relay
     *         then announces it
     * @throws SignOffRefusal when the article, its revision or the clinician does not allow it
     * @throws org.springframework.web.ErrorResponseException 422 when the key was used for another sign-off
     */
    public SignOff signOff(String articleId, int revision, String itemId, Staff who, Optional<Reviewer> clinician,
            IdempotencyKey key) {
        String id = key.idFor(KIND, who.username());
        SignOff earlier = mongo.findById(id, SignOff.class);
        if (earlier != null) {
            return again(earlier, articleId, revision, itemId, who);
        }
        KnownArticle article = articles.find(articleId).orElseThrow(() -> new UnknownArticle(articleId));
        if (!article.hasRevision(revision)) {
            throw new UnpublishedRevision(article.revision());
        }
        Reviewer reviewer = clinician
                .filter(r -> r.name() != null && r.credentials() != null)
                .orElseThrow(NotAClinician::new);
        if (itemId != null) {
            items.get(itemId);
        }
        // MongoDB keeps milliseconds: truncate so the answer, the event and every store agree on the instant
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        SignOff signOff;
        try {
            signOff = mongo.insert(new SignOff(id, articleId, revision, reviewer, who.username(), now, itemId, false));
        } catch (DuplicateKeyException sameRequestMeanwhile) {
            return again(mongo.findById(id, SignOff.class), articleId, revision, itemId, who);
        }
        // recorded once stored: if publishing fails now, the relay publishes it later
        recorded.increment();
        return announced(signOff, who);
    }

    /** The same request again: the sign-off it made, announced now if it was not yet. */
    private SignOff again(SignOff earlier, String articleId, int revision, String itemId, Staff who) {
        if (!earlier.isFor(articleId, revision, itemId)) {
            throw IdempotencyKey.reused();
        }
        return announced(earlier, who);
    }

    /** Publishes the sign-off unless it is already, and notes it in its item's log (once). */
    private SignOff announced(SignOff signOff, Staff who) {
        SignOff result = signOff;
        if (!signOff.published() && outbox.publishNow(signOff)) {
            result = signOff.asPublished();
        }
        if (signOff.itemId() != null) {
            notes.log(signOff.itemId(), who, "signed off",
                    "Article revision " + signOff.revision() + " clinically reviewed", signOff.id());
        }
        return result;
    }

    /** The article's latest clinical sign-off recorded here, if any. */
    public Optional<SignOff> latest(String articleId) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("articleId").is(articleId))
                .with(Sort.by(Sort.Direction.DESC, "reviewedAt")).limit(1), SignOff.class));
    }
}

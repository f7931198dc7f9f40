package org.erratum.review.queue;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.erratum.platform.web.IdempotencyKey;
import org.erratum.review.article.KnownArticles;
import org.erratum.review.queue.ItemStore.Applied;
import org.erratum.review.queue.ItemStore.Change;
import org.erratum.review.queue.QueueRefusal.MissingField;
import org.erratum.review.queue.QueueRefusal.UnknownReference;
import org.erratum.review.queue.ReviewItem.Activity;
import org.erratum.review.queue.ReviewItem.Resolution;
import org.erratum.review.queue.ReviewItem.RevisionScore;
import org.erratum.review.queue.ReviewItem.Verification;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * How items close, and the one way back: a reviewer's resolution, spam marked in bulk, and a fix that readers did not
 * find more helpful reopening its item.
 */
@Service
public class Resolutions {

    private static final String RESOLVED = "resolved";
    private static final String VERIFICATION = "verification";

    private final ItemStore store;
    private final MongoTemplate mongo;
    private final KnownArticles articles;
    private final SlaProperties sla;
    private final QueueMetrics metrics;
    private final Clock clock;

    Resolutions(ItemStore store, MongoTemplate mongo, KnownArticles articles, SlaProperties sla, QueueMetrics metrics,
            Clock clock) {
        this.store = store;
        this.mongo = mongo;
        this.articles = articles;
        this.sla = sla;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** @param key null when the caller sent none */
    public ReviewItem resolve(String id, Staff who, Resolve command, IdempotencyKey key) {
        ItemRequest request = ItemRequest.of(who, RESOLVED, command.describe(), key);
        return store.change(id, request, item -> {
            Transition.RESOLVE.require(item, who);
            validate(item, command);
            Instant now = clock.instant();
            Resolution resolution = new Resolution(command.outcome(), command.revision(), command.summary(),
                    command.publicReason(), command.duplicateOf(), who.username(), now);
            Change change = resolution(item, request, resolution, now);
            if (command.outcome() == Outcome.REVISED) {
                awaitVerification(item, command.revision(), change.update());
            }
            return Optional.of(change);
        }).orElseThrow().ifChanged(metrics::resolved);
    }

    /**
     * Resolves many items as spam at once: each one {@link Transition#MARK_AS_SPAM} allows this reviewer. Each item
     * is its own atomic change, so one that someone else took meanwhile is left alone and reported as skipped. An item
     * this reviewer already marked as spam with this summary, and nothing since, counts as marked: so a retry
     * answers as the first attempt did.
     *
     * @return the ids of the items marked as spam
     */
    public List<String> markAsSpam(Collection<String> ids, Staff who, String summary) {
        ItemRequest request = ItemRequest.of(who, RESOLVED, Resolve.describe(Outcome.SPAM, null, null, summary,
                null), null);
        List<String> marked = new ArrayList<>();
        for (String id : ids) {
            if (store.find(id).isEmpty()) {
                continue;
            }
            store.change(id, request, item -> {
                if (!Transition.MARK_AS_SPAM.allows(item, who)) {
                    return Optional.empty();
                }
                Instant now = clock.instant();
                Resolution resolution = new Resolution(Outcome.SPAM, null, summary, null, null, who.username(), now);
                return Optional.of(resolution(item, request, resolution, now));
            }).ifPresent(done -> {
                done.ifChanged(metrics::resolved);
                marked.add(id);
            });
        }
        return marked;
    }

    private void validate(ReviewItem item, Resolve command) {
        switch (command.outcome()) {
            case REVISED -> {
                if (command.revision() == null) {
                    throw new MissingField("revision", "must name the content revision that fixed the article");
                }
                boolean known = articles.find(item.articleId()).map(a -> a.hasRevision(command.revision()))
                        .orElse(false);
                if (!known) {
                    throw new UnknownReference("revision",
                            "is not a published revision of article " + item.articleId());
                }
            }
            case DUPLICATE -> {
                if (command.duplicateOf() == null || command.duplicateOf().equals(item.id())
                        || store.find(command.duplicateOf()).isEmpty()) {
                    throw new UnknownReference("duplicateOf", "must name another review item");
                }
            }
            case NO_CHANGE_NEEDED, SPAM -> {
                // the summary says why
            }
        }
    }

    /**
     * Closes the item, freeing the article's slot, and lifts the safety notice it may have put on the page. The
     * resolution is the log's last entry, so that a retry without a key is recognised by it.
     */
    private static Change resolution(ReviewItem item, ItemRequest request, Resolution resolution, Instant now) {
        List<Activity> log = new ArrayList<>();
        if (item.safetyNotice() != null) {
            log.add(new Activity(ItemNotes.NOTICE_LIFTED, request.who().username(), now, "with the resolution"));
        }
        log.add(request.entry(now));
        return new Change(ItemStore.letGo()
                .set("state", ItemState.RESOLVED)
                .set("groupKey", "closed:" + item.id())
                .set("resolution", resolution)
                .unset("safetyNotice"),
                ItemEvent.after(item).resolved(resolution), log);
    }

    /**
     * A fix is verified against the revision readers saw before it; a first revision has none, so nothing is
     * awaited. The watch is written ahead of the resolution: see {@link FixWatch}.
     */
    private void awaitVerification(ReviewItem item, int fix, Update resolution) {
        Integer readersSaw = item.readersSawBefore(fix);
        if (readersSaw == null) {
            return;
        }
        Query watch = Query.query(where("_id").is(FixWatch.idOf(item.articleId(), fix)));
        Update adding = new Update().addToSet("items", item.id());
        try {
            mongo.upsert(watch, adding, FixWatch.class);
        } catch (DuplicateKeyException anotherResolutionCreatedItFirst) {
            mongo.upsert(watch, adding, FixWatch.class);
        }
        resolution.set(VERIFICATION, Verification.pending(fix, readersSaw));
    }

    /**
     * The items whose fix these revisions' votes verify (each names its revision in its verification): the watches
     * are read by key in one go, then the items they name. An entry whose item is no longer pending (a resolution
     * that was never written, a verification whose clean-up was cut short) is dropped.
     *
     * @param revisionsByArticle the revisions voted on, by article
     */
    public List<ReviewItem> fixesAwaitingVerification(Map<String, ? extends Collection<Integer>> revisionsByArticle) {
        Map<String, FixWatch> watches = new HashMap<>();
        List<String> ids = new ArrayList<>();
        revisionsByArticle.forEach((articleId, revisions) -> revisions.forEach(r -> ids.add(FixWatch.idOf(articleId,
                r))));
        mongo.find(Query.query(where("_id").in(ids)), FixWatch.class).forEach(watch -> watches.put(watch.id(), watch));
        List<ReviewItem> pending = new ArrayList<>();
        revisionsByArticle.forEach((articleId, revisions) -> revisions.forEach(revision -> {
            FixWatch watch = watches.get(FixWatch.idOf(articleId, revision));
            if (watch == null || watch.items() == null) {
                return;
            }
            for (String id : watch.items()) {
                ReviewItem item = store.find(id).orElse(null);
                if (awaitsVerificationBy(item, revision)) {
                    pending.add(item);
                } else {
                    unwatch(articleId, revision, id);
                }
            }
        }));
        return pending;
    }

    private static boolean awaitsVerificationBy(ReviewItem item, int revision) {
        return item != null && item.verification() != null
                && item.verification().status() == Verification.Status.PENDING
                && item.verification().revision() == revision && Transition.REOPEN.allowedFrom(item.state());
    }

    private void unwatch(String articleId, int revision, String itemId) {
        String id = FixWatch.idOf(articleId, revision);
        mongo.updateFirst(Query.query(where("_id").is(id)), new Update().pull("items", itemId), FixWatch.class);
        mongo.remove(Query.query(where("_id").is(id).and("items").size(0)), FixWatch.class);
    }

    /**
     * Decides an item's pending fix verification, once: the fixed revision improved on the one readers saw, and the
     * item says so; or it did not, and the item goes back to the queue with the measurement (announced like every
     * change). Should the article have another active item by then, that one carries on and both logs say so. A
     * second call (a redelivered vote, another instance deciding at the same moment) finds it decided and does
     * nothing: the decision is written only on the item as read, still pending, at its version.
     *
     * @param margin how much higher the fixed revision must score to count as improved
     * @return the item as decided, or empty when it was not pending (any more)
     */
    public Optional<ReviewItem> concludeFixVerification(String id, RevisionScore fixed, RevisionScore before,
            double margin) {
        Optional<ReviewItem> concluded;
        try {
            concluded = concludeOnce(id, fixed, before, margin);
        } catch (DuplicateKeyException articleItemOpenedMeanwhile) {
            concluded = concludeOnce(id, fixed, before, margin); // decided again, now with the other item in view
        }
        concluded.ifPresent(item -> unwatch(item.articleId(), fixed.revision(), item.id()));
        return concluded;
    }

    private Optional<ReviewItem> concludeOnce(String id, RevisionScore fixed, RevisionScore before, double margin) {
        ReviewItem[] carriesOn = new ReviewItem[1];
        Optional<Applied> done = store.change(id, null, item -> {
            if (!awaitsVerificationBy(item, fixed.revision())) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            boolean improved = Verification.improved(fixed, before, margin);
            Verification decided = item.verification().decided(improved, fixed, before, now);
            Update update = new Update().set(VERIFICATION, decided);
            if (improved) {
                return Optional.of(new Change(update, null,
                        List.of(new Activity("fix verified", ItemStore.SYSTEM, now, decided.measurement()))));
            }
            carriesOn[0] = mongo.findOne(Query.query(where("groupKey").is(item.articleId())), ReviewItem.class);
            if (carriesOn[0] != null) {
                return Optional.of(new Change(update, null, List.of(new Activity("fix not verified",
                        ItemStore.SYSTEM, now,
                        decided.measurement() + "; item " + carriesOn[0].id() + " is open for the article"))));
            }
            return Optional.of(reopening(item, update, decided, now));
        });
        done.ifPresent(applied -> applied.ifChanged(metrics::fixVerified));
        if (carriesOn[0] != null && done.isPresent()) {
            store.record(carriesOn[0].id(), new ItemRequest(new Staff(ItemStore.SYSTEM, false),
                    "earlier fix not verified", "Item " + id + ": " + done.get().item().verification().measurement(),
                    "fix-verification:" + id));
        }
        return done.map(Applied::item);
    }

    /** Back to the queue, taking the article's slot again, with the deadlines of a new item of its severity. */
    private Change reopening(ReviewItem item, Update update, Verification decided, Instant now) {
        ItemState back = Transition.afterLetGo(item.escalated());
        Instant resolveDue = sla.resolveDue(item.severity(), now, null);
        update.set("state", back)
                .set("groupKey", item.articleId())
                .unset("resolution")
                .set("claimDueAt", sla.claimDue(item.severity(), now, null))
                .set("resolveDueAt", resolveDue)
                .unset(SlaTarget.CLAIM.countedFlag())
                .unset(SlaTarget.RESOLVE.countedFlag());
        return new Change(update, ItemEvent.after(item).reopened(back, resolveDue),
                List.of(new Activity("reopened", ItemStore.SYSTEM, now, "Fix not verified: " + decided.measurement())));
    }

    /**
     * A reviewer's decision on an item.
     *
     * @param summary      the reviewer's account, kept in the activity log
     * @param publicReason what readers who asked to hear back are told; optional
     */
    public record Resolve(Outcome outcome, Integer revision, String summary, String publicReason,
            String duplicateOf) {

        /**
         * The decision as the activity log shows it: the outcome with what it names, the summary, and what readers
         * are told. All of it, so that a key sent again with another decision is told apart.
         */
        String describe() {
            return describe(outcome, revision, duplicateOf, summary, publicReason);
        }

        static String describe(Outcome outcome, Integer revision, String duplicateOf, String summary,
                String publicReason) {
            String names = revision != null ? " (revision " + revision + ")"
                    : duplicateOf != null ? " (of item " + duplicateOf + ")" : "";
            String told = publicReason == null ? "" : " — readers are told: " + publicReason;
            return outcome + names + ": " + summary + told;
        }
    }
}

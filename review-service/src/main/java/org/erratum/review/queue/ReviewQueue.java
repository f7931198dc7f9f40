package org.erratum.review.queue;

import static org.springframework.data.mongodb.core.FindAndModifyOptions.options;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import org.erratum.events.ReportSubmitted;
import org.erratum.platform.web.IdempotencyKey;
import org.erratum.platform.web.Problems;
import org.erratum.review.article.KnownArticle;
import org.erratum.review.article.KnownArticles;
import org.erratum.review.queue.ReviewItem.Activity;
import org.erratum.review.queue.ReviewItem.HelpfulnessSignal;
import org.erratum.review.queue.ReviewItem.Report;
import org.erratum.review.queue.ReviewItem.Resolution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The review queue. Every state change is one atomic findAndModify whose query is the change's precondition
 * (the {@link Transition} table), so two reviewers, or two service instances, can never both win. Every write also
 * counts the item's {@code version} up, so a write computed from what was read can require the item unchanged.
 * <p>
 * A reviewer's action sent again (a retry, a double submit) answers as the first did and changes nothing: see
 * {@link ItemRequest} for how it is recognised.
 */
@Service
public class ReviewQueue {

    private static final Logger log = LoggerFactory.getLogger(ReviewQueue.class);

    /** Concurrent writers to one article's item are rare (its events share a partition); a few retries suffice. */
    private static final int MAX_JOIN_ATTEMPTS = 5;

    private static final Sort QUEUE_ORDER = Sort.by(Sort.Order.desc("priority"), Sort.Order.asc("createdAt"));

    private static final String CLAIMED = "claimed";

    private static final String VERSION = "version";
    private static final String CLAIM_REQUEST = "claimRequest";

    private final MongoTemplate mongo;
    private final KnownArticles articles;
    private final QueueProperties properties;
    private final SlaProperties sla;
    private final QueueMetrics metrics;
    private final Clock clock;

    ReviewQueue(MongoTemplate mongo, KnownArticles articles, QueueProperties properties, SlaProperties sla,
            QueueMetrics metrics, Clock clock) {
        this.mongo = mongo;
        this.articles = articles;
        this.properties = properties;
        this.sla = sla;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * A reader's report joins the article's active item, or opens one. Reports of one article arrive in order on
     * one partition; a redelivered report is recognised by its event id and changes nothing.
     */
    public void addReport(ReportSubmitted report) {
        if (mongo.exists(Query.query(where("reports.eventId").is(report.eventId().toString())), ReviewItem.class)) {
            log.debug("Report {} already queued", report.eventId());
            return;
        }
        Report entry = new Report(report.eventId().toString(), report.revision(), report.category(),
                report.passage(), report.comment(), report.occurredAt());
        join(report.articleId(), Source.READER_REPORT, 1, null,
                reports -> Severity.of(report.category(), reports, properties.highAtReports()),
                update -> update.inc("categories." + report.category().name(), 1).push("reports", entry));
    }

    /**
     * The article's clinical review is due (or nearly): its active item gains that source, or a LOW item opens.
     * Idempotent, and safe when several instances scan at once.
     *
     * @return whether this call flagged it
     */
    public boolean flagReviewDue(String articleId) {
        if (mongo.exists(Query.query(where("groupKey").is(articleId).and("sources").is(Source.REVIEW_DUE)),
                ReviewItem.class)) {
            return false;
        }
        join(articleId, Source.REVIEW_DUE, 0, null, reports -> Severity.LOW, update -> {
        });
        return true;
    }

    /** Readers find the article's current revision unhelpful: its item gains that source, with the measurement. */
    public void flagLowHelpfulness(String articleId, HelpfulnessSignal signal) {
        join(articleId, Source.LOW_HELPFULNESS, 0, signal, reports -> Severity.NORMAL,
                update -> update.set("helpfulness", signal));
    }

    /**
     * Adds a signal to the article's active item, or opens one, in one atomic write that also sets severity,
     * priority and SLA deadlines. The write's precondition is the state it was computed from: an update matches
     * only the unchanged item, an insert collides with the unique group key; either way the loop recomputes.
     */
    private void join(String articleId, Source source, int newReports, HelpfulnessSignal helpfulness,
            IntFunction<Severity> signal, Consumer<Update> details) {
        for (int attempt = 1; ; attempt++) {
            ReviewItem current = mongo.findOne(Query.query(where("groupKey").is(articleId)), ReviewItem.class);
            int reports = (current == null ? 0 : current.reportCount()) + newReports;
            Severity severity = signal.apply(reports).atLeast(current == null ? null : current.severity());
            Instant now = clock.instant();
            Update update = new Update()
                    .set("reportCount", reports)
                    .addToSet("sources", source)
                    .set("severity", severity)
                    .set("priority", properties.priority(severity, reports, daysOverdue(articleId),
                            deficit(helpfulness != null ? helpfulness : current == null ? null : current.helpfulness())))
                    .set("claimDueAt", sla.claimDue(severity, now, current == null ? null : current.claimDueAt()))
                    .set("resolveDueAt",
                            sla.resolveDue(severity, now, current == null ? null : current.resolveDueAt()));
            details.accept(touched(update, now));
            String itemId = write(articleId, current, update, now);
            if (itemId != null) {
                if (current == null) {
                    metrics.opened(source);
                }
                // ids and the source only, never reader text; the line's trace id leads back to the reader's request
                log.info("Review item {} for article {}: {} {} it", itemId, articleId, source,
                        current == null ? "opened" : "joined");
                return;
            }
            if (attempt == MAX_JOIN_ATTEMPTS) {
                throw new IllegalStateException("Item of article " + articleId + " kept changing; will retry");
            }
        }
    }

    /** @return the id of the item written, or null when another writer changed or opened it first */
    private String write(String articleId, ReviewItem current, Update update, Instant now) {
        if (current != null) {
            Query unchanged = Query.query(
                    new Criteria().andOperator(where("_id").is(current.id()), atVersion(current)));
            return mongo.updateFirst(unchanged, update, ReviewItem.class).getModifiedCount() == 1 ? current.id() : null;
        }
        // matches no existing item (every item has createdAt), so this only ever inserts
        Query nothing = Query.query(where("groupKey").is(articleId).and("createdAt").is(null));
        update.setOnInsert("articleId", articleId)
                .setOnInsert("state", ItemState.OPEN)
                .setOnInsert("escalated", false)
                .setOnInsert("createdAt", now);
        try {
            return mongo.upsert(nothing, update, ReviewItem.class).getUpsertedId()
                    .asObjectId().getValue().toHexString();
        } catch (DuplicateKeyException anotherWriterOpenedItFirst) {
            return null;
        }
    }

    /** The item only as it was read; one stored before versions existed has none, which counts as 0. */
    private static Criteria atVersion(ReviewItem item) {
        return item.version() == 0
                ? new Criteria().orOperator(where(VERSION).is(0L), where(VERSION).exists(false))
                : where(VERSION).is(item.version());
    }

    /** Every write of an item says when, and counts its version up. */
    private static Update touched(Update update, Instant now) {
        return update.set("updatedAt", now).inc(VERSION, 1);
    }

    private static double deficit(HelpfulnessSignal helpfulness) {
        return helpfulness == null ? 0 : helpfulness.deficit();
    }

    private long daysOverdue(String articleId) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return articles.find(articleId).map(KnownArticle::nextReviewDue)
                .map(due -> ChronoUnit.DAYS.between(due, today))
                .orElse(0L);
    }

    /**
     * Items in the given states, most pressing first.
     *
     * @param breachedOnly only items past their SLA: unclaimed after the claim deadline, or unresolved after the
     *                     resolve deadline
     */
    public List<ReviewItem> list(Collection<ItemState> states, Severity severity, boolean breachedOnly) {
        Criteria criteria = where("state").in(states);
        if (severity != null) {
            criteria = criteria.and("severity").is(severity);
        }
        if (breachedOnly) {
            Instant now = clock.instant();
            criteria = new Criteria().andOperator(criteria, new Criteria().orOperator(
                    SlaTarget.CLAIM.breachedAt(now), SlaTarget.RESOLVE.breachedAt(now)));
        }
        return mongo.find(Query.query(criteria).with(QUEUE_ORDER), ReviewItem.class);
    }

    public ReviewItem get(String id) {
        return Optional.ofNullable(mongo.findById(id, ReviewItem.class))
                .orElseThrow(() -> Problems.notFound("Review item " + id));
    }

    /**
     * Claims the most pressing item this reviewer may take, if any. The key makes a retry answer with the item the
     * first attempt claimed: the claim records the request in the item's unique {@code claimRequest}, so even two
     * attempts at once cannot claim two items.
     */
    public Optional<ReviewItem> claimNext(Staff who, IdempotencyKey key) {
        ItemRequest request = ItemRequest.of(who, CLAIMED, null, Objects.requireNonNull(key));
        Optional<ReviewItem> earlier = claimMadeBy(request);
        if (earlier.isPresent()) {
            return earlier;
        }
        Instant now = clock.instant();
        try {
            return Optional.ofNullable(mongo.findAndModify(Query.query(waitingFor(who, now)).with(QUEUE_ORDER),
                    claimUpdate(request, now), options().returnNew(true), ReviewItem.class)).map(this::claimed);
        } catch (DuplicateKeyException sameRequestClaimedMeanwhile) {
            return claimMadeBy(request);
        }
    }

    private Optional<ReviewItem> claimMadeBy(ItemRequest request) {
        return Optional.ofNullable(mongo.findOne(Query.query(where(CLAIM_REQUEST).is(request.id())
                .and("claimedBy").is(request.who().username())), ReviewItem.class));
    }

    /**
     * Claims the item, or renews this reviewer's claim on it.
     *
     * @param key null when the caller sent none: a retry then renews the claim, which is what it asked for
     */
    public ReviewItem claim(String id, Staff who, IdempotencyKey key) {
        ItemRequest request = ItemRequest.of(who, CLAIMED, null, key);
        Instant now = clock.instant();
        ReviewItem claimed = mongo.findAndModify(
                Query.query(request.notYetIn(new Criteria().andOperator(where("_id").is(id), claimableBy(who, now)))),
                claimUpdate(request, now), options().returnNew(true), ReviewItem.class);
        if (claimed == null) {
            ReviewItem item = get(id);
            if (request.id() != null && request.appliedTo(item)) {
                return item;
            }
            throw Problems.conflict(item.escalated() && !who.senior()
                    ? "Item " + id + " is escalated: only a senior reviewer may take it"
                    : "Item " + id + " is " + item.state() + (item.claimedBy() == null ? ""
                            : " by " + item.claimedBy() + " until " + item.leaseExpiresAt()));
        }
        return claimed(claimed);
    }

    /** Measures the wait for a reviewer once per item: at its first claim, not at renewals or later claims. */
    private ReviewItem claimed(ReviewItem item) {
        if (item.activity().stream().filter(a -> CLAIMED.equals(a.action())).count() == 1) {
            metrics.firstClaimed(item);
        }
        return item;
    }

    /**
     * Open or escalated items, an item whose lease ran out, or one this reviewer already holds (claiming it again
     * renews the lease). Escalated items are for senior reviewers only.
     */
    private static Criteria claimableBy(Staff who, Instant now) {
        return new Criteria().orOperator(waitingFor(who, now),
                where("state").is(ItemState.CLAIMED).and("claimedBy").is(who.username()));
    }

    /** Items nobody holds: waiting, or left by a reviewer whose lease ran out. */
    private static Criteria waitingFor(Staff who, Instant now) {
        Criteria waiting = new Criteria().orOperator(
                where("state").in(Transition.CLAIM.from()),
                where("state").is(ItemState.CLAIMED).and("leaseExpiresAt").lt(now));
        return who.senior() ? waiting : new Criteria().andOperator(waiting, where("escalated").is(false));
    }

    private Update claimUpdate(ItemRequest request, Instant now) {
        Update claim = new Update()
                .set("state", ItemState.CLAIMED)
                .set("claimedBy", request.who().username())
                .set("claimedAt", now)
                .set("leaseExpiresAt", now.plus(properties.lease()))
                .push("activity", request.entry(now));
        if (request.id() != null) {
            claim.set(CLAIM_REQUEST, request.id());
        } else {
            claim.unset(CLAIM_REQUEST);
        }
        return touched(claim, now);
    }

    /** @param key null when the caller sent none */
    public ReviewItem release(String id, Staff who, IdempotencyKey key) {
        ItemRequest request = ItemRequest.of(who, "released", null, key);
        ReviewItem item = get(id);
        if (request.appliedTo(item)) {
            return item;
        }
        requireHeld(item, who, Transition.RELEASE);
        return change(item, request, letGo().set("state", Transition.afterLetGo(item.escalated())))
                .orElseGet(() -> againOrConflict(id, request));
    }

    /** @param key null when the caller sent none */
    public ReviewItem escalate(String id, Staff who, String reason, IdempotencyKey key) {
        ItemRequest request = ItemRequest.of(who, "escalated", reason, key);
        ReviewItem item = get(id);
        if (request.appliedTo(item)) {
            return item;
        }
        requireHeld(item, who, Transition.ESCALATE);
        return change(item, request, letGo().set("state", ItemState.ESCALATED).set("escalated", true))
                .map(escalated -> {
                    metrics.escalated();
                    return escalated;
                })
                .orElseGet(() -> againOrConflict(id, request));
    }

    /** A note has no state to tell its retry by, so it always comes with a key. */
    public ReviewItem note(String id, Staff who, String text, IdempotencyKey key) {
        ItemRequest request = ItemRequest.of(who, "note", text, Objects.requireNonNull(key));
        ReviewItem item = get(id);
        if (request.appliedTo(item)) {
            return item;
        }
        requireAllowed(item, Transition.NOTE);
        return change(item, request, new Update()).orElseGet(() -> againOrConflict(id, request));
    }

    /** @param key null when the caller sent none */
    public ReviewItem resolve(String id, Staff who, Resolve command, IdempotencyKey key) {
        ItemRequest request = ItemRequest.of(who, "resolved", command.describe(), key);
        ReviewItem item = get(id);
        if (request.appliedTo(item)) {
            return item;
        }
        requireHeld(item, who, Transition.RESOLVE);
        if (item.escalated() && !who.senior()) {
            throw Problems.conflict("Item " + id + " is escalated: only a senior reviewer may resolve it");
        }
        validate(item, command);
        Instant now = clock.instant();
        Resolution resolution = new Resolution(command.outcome(), command.revision(), command.summary(),
                command.duplicateOf(), who.username(), now);
        Update resolve = letGo()
                .set("state", ItemState.RESOLVED)
                .set("groupKey", "closed:" + item.id())
                .set("resolution", resolution);
        return change(item, request, resolve)
                .map(resolved -> {
                    metrics.resolved(resolved);
                    return resolved;
                })
                .orElseGet(() -> againOrConflict(id, request));
    }

    /**
     * Resolves many items as spam at once: each one still waiting in the queue, or held by this reviewer. Each item
     * is its own atomic change, so one that someone else took meanwhile is left alone and reported as skipped. An item
     * this reviewer already marked as spam with this summary, and nothing since, counts as marked: so a retry
     * answers as the first attempt did.
     *
     * @return the ids of the items marked as spam
     */
    public List<String> markAsSpam(Collection<String> ids, Staff who, String summary) {
        Instant now = clock.instant();
        Resolution resolution = new Resolution(Outcome.SPAM, null, summary, null, who.username(), now);
        Criteria mine = where("state").is(ItemState.CLAIMED).and("claimedBy").is(who.username());
        Criteria waiting = where("state").in(ItemState.OPEN, ItemState.ESCALATED);
        Criteria allowed = new Criteria().orOperator(waiting, mine);
        if (!who.senior()) {
            allowed = new Criteria().andOperator(allowed, where("escalated").is(false));
        }
        ItemRequest request = ItemRequest.of(who, "resolved", Resolve.describe(Outcome.SPAM, null, null, summary),
                null);
        List<String> marked = new ArrayList<>();
        for (String id : ids) {
            ReviewItem changed = mongo.findAndModify(
                    Query.query(new Criteria().andOperator(where("_id").is(id), allowed)),
                    touched(letGo().set("state", ItemState.RESOLVED).set("groupKey", "closed:" + id)
                            .set("resolution", resolution).push("activity", request.entry(now)), now),
                    options().returnNew(true), ReviewItem.class);
            if (changed != null) {
                metrics.resolved(changed);
                marked.add(id);
            } else if (Optional.ofNullable(mongo.findById(id, ReviewItem.class)).filter(request::appliedTo)
                    .isPresent()) {
                marked.add(id);
            }
        }
        return marked;
    }

    /**
     * Records an action that happened elsewhere (a sign-off) in the item's log, whatever its state, once.
     *
     * @param requestId what made it, e.g. the sign-off's id: logging it again changes nothing
     */
    public void log(String id, Staff who, String action, String detail, String requestId) {
        Instant now = clock.instant();
        mongo.updateFirst(Query.query(where("_id").is(id).and(ItemRequest.ID_FIELD).ne(requestId)),
                touched(new Update().push("activity", new Activity(action, who.username(), now, detail, requestId)),
                        now),
                ReviewItem.class);
    }

    /** Gives every item whose lease ran out back to the queue. Safe with several instances running it. */
    public long returnExpiredLeases() {
        Instant now = clock.instant();
        long returned = 0;
        for (boolean escalated : new boolean[] {false, true}) {
            returned += mongo.updateMulti(
                    Query.query(where("state").is(ItemState.CLAIMED).and("escalated").is(escalated)
                            .and("leaseExpiresAt").lt(now)),
                    touched(letGo().set("state", Transition.afterLetGo(escalated))
                            .push("activity", new Activity("lease expired", "system", now, null)), now),
                    ReviewItem.class).getModifiedCount();
        }
        return returned;
    }

    private void validate(ReviewItem item, Resolve command) {
        switch (command.outcome()) {
            case REVISED -> {
                if (command.revision() == null) {
                    throw Problems.invalidField(HttpStatus.BAD_REQUEST, "revision",
                            "must name the content revision that fixed the article");
                }
                boolean known = articles.find(item.articleId()).map(a -> a.hasRevision(command.revision()))
                        .orElse(false);
                if (!known) {
                    throw Problems.invalidField(HttpStatus.UNPROCESSABLE_CONTENT, "revision",
                            "is not a published revision of article " + item.articleId());
                }
            }
            case DUPLICATE -> {
                if (command.duplicateOf() == null || command.duplicateOf().equals(item.id())
                        || mongo.findById(command.duplicateOf(), ReviewItem.class) == null) {
                    throw Problems.invalidField(HttpStatus.UNPROCESSABLE_CONTENT, "duplicateOf",
                            "must name another review item");
                }
            }
            case NO_CHANGE_NEEDED, SPAM -> {
                // the summary says why
            }
        }
    }

    private static void requireHeld(ReviewItem item, Staff who, Transition transition) {
        requireAllowed(item, transition);
        if (!who.username().equals(item.claimedBy())) {
            throw Problems.conflict("Item " + item.id() + " is held by " + item.claimedBy() + ", not by you");
        }
    }

    private static void requireAllowed(ReviewItem item, Transition transition) {
        if (!transition.allowedFrom(item.state())) {
            throw Problems.conflict("Cannot " + transition.name().toLowerCase() + " item " + item.id()
                    + " while it is " + item.state());
        }
    }

    private static Update letGo() {
        return new Update().unset("claimedBy").unset("claimedAt").unset("leaseExpiresAt").unset(CLAIM_REQUEST);
    }

    /**
     * Applies a change only if the item is still as it was read (state, holder, escalation), and a keyed request only
     * once.
     *
     * @return the changed item, or empty when someone else acted first (or the same request, sent twice at once)
     */
    private Optional<ReviewItem> change(ReviewItem item, ItemRequest request, Update update) {
        Instant now = clock.instant();
        Criteria unchanged = where("_id").is(item.id()).and("state").is(item.state())
                .and("escalated").is(item.escalated())
                .and("claimedBy").is(item.claimedBy());
        return Optional.ofNullable(mongo.findAndModify(Query.query(request.notYetIn(unchanged)),
                touched(update.push("activity", request.entry(now)), now), options().returnNew(true),
                ReviewItem.class));
    }

    /** After a lost race: the same request sent twice at once answers as the first; anything else is a conflict. */
    private ReviewItem againOrConflict(String id, ItemRequest request) {
        ReviewItem item = get(id);
        if (request.appliedTo(item)) {
            return item;
        }
        throw Problems.conflict("Item " + id + " changed meanwhile; reload it and try again");
    }

    /** A reviewer's decision on an item. */
    public record Resolve(Outcome outcome, Integer revision, String summary, String duplicateOf) {

        /** The decision as the activity log shows it: the outcome with what it names, and the summary. */
        String describe() {
            return describe(outcome, revision, duplicateOf, summary);
        }

        static String describe(Outcome outcome, Integer revision, String duplicateOf, String summary) {
            String names = revision != null ? " (revision " + revision + ")"
                    : duplicateOf != null ? " (of item " + duplicateOf + ")" : "";
            return outcome + names + ": " + summary;
        }
    }
}

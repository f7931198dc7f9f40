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
import java.util.function.Function;
import java.util.function.IntFunction;

import org.bson.types.ObjectId;
import org.erratum.events.ReportSubmitted;
import org.erratum.events.ReviewItemChanged;
import org.erratum.platform.web.IdempotencyKey;
import org.erratum.platform.web.Problems;
import org.erratum.review.article.KnownArticle;
import org.erratum.review.article.KnownArticles;
import org.erratum.review.queue.ReviewItem.Activity;
import org.erratum.review.queue.ReviewItem.HelpfulnessSignal;
import org.erratum.review.queue.ReviewItem.Report;
import org.erratum.review.queue.ReviewItem.RequestedReview;
import org.erratum.review.queue.ReviewItem.Resolution;
import org.erratum.review.queue.ReviewItem.RevisionScore;
import org.erratum.review.queue.ReviewItem.SafetyNotice;
import org.erratum.review.queue.ReviewItem.Verification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * The review queue. Every change is decided on the item as read (the {@link Transition} table says which actions
 * may happen when) and written in one atomic findAndModify that matches only the version read and counts it up, so
 * two reviewers, or two service instances, can never both win. The same write stores the change's
 * {@code review.items} event, carrying the new version, in the item's outbox, which {@link ItemAnnouncer} then
 * publishes.
 * <p>
 * A reviewer's action sent again (a retry, a double submit) answers as the first did, and changes and announces
 * nothing: see {@link ItemRequest} for how it is recognised. The item as read shows whether it was applied, and the
 * version check makes that hold until the write.
 */
@Service
public class ReviewQueue {

    private static final Logger log = LoggerFactory.getLogger(ReviewQueue.class);

    /** Concurrent writers to one item are rare (its article's events share a partition); a few retries suffice. */
    private static final int MAX_ATTEMPTS = 5;

    /** Each failed attempt at the next item means another reviewer claimed one, or a report changed it. */
    private static final int MAX_CLAIM_ATTEMPTS = 20;

    private static final Sort QUEUE_ORDER = Sort.by(Sort.Order.desc("priority"), Sort.Order.asc("createdAt"));

    private static final String CLAIMED = "claimed";
    private static final String NOTICE_SET = "safety notice set";
    private static final String NOTICE_LIFTED = "safety notice lifted";
    private static final String VERSION = "version";
    private static final String CLAIM_REQUEST = "claimRequest";
    private static final String VERIFICATION = "verification";
    /** Who the activity log names for what the service does by itself. */
    private static final String SYSTEM = "system";

    private final MongoTemplate mongo;
    private final KnownArticles articles;
    private final QueueProperties properties;
    private final SlaProperties sla;
    private final QueueMetrics metrics;
    private final ItemAnnouncer announcer;
    private final ItemEventsProperties events;
    private final Clock clock;

    ReviewQueue(MongoTemplate mongo, KnownArticles articles, QueueProperties properties, SlaProperties sla,
            QueueMetrics metrics, ItemAnnouncer announcer, ItemEventsProperties events, Clock clock) {
        this.mongo = mongo;
        this.articles = articles;
        this.properties = properties;
        this.sla = sla;
        this.metrics = metrics;
        this.announcer = announcer;
        this.events = events;
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
                report.passage(), report.comment(), report.occurredAt(), report.outcomeRequested());
        join(report.articleId(), Source.READER_REPORT, entry, null,
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
        join(articleId, Source.REVIEW_DUE, null, null, reports -> Severity.LOW, update -> {
        });
        return true;
    }

    /**
     * An editor asked that the article be reviewed now, saying why: its active item gains the REVIEW_DUE source and
     * the reason, or a LOW item opens with them. The request is recognised by its time, so the same request arriving
     * again (a redelivery, a restart before it was marked handled) adds nothing.
     *
     * @return whether this call added it
     */
    public boolean requestReview(String articleId, RequestedReview request) {
        if (mongo.exists(Query.query(where("groupKey").is(articleId).and("reviewRequests.at").is(request.at())),
                ReviewItem.class)) {
            return false;
        }
        join(articleId, Source.REVIEW_DUE, null, null, reports -> Severity.LOW,
                update -> update.push("reviewRequests", request));
        return true;
    }

    /** Readers find the article's current revision unhelpful: its item gains that source, with the measurement. */
    public void flagLowHelpfulness(String articleId, HelpfulnessSignal signal) {
        join(articleId, Source.LOW_HELPFULNESS, null, signal, reports -> Severity.NORMAL,
                update -> update.set("helpfulness", signal));
    }

    /**
     * Adds a signal to the article's active item, or opens one, in one atomic write that also sets severity,
     * priority and SLA deadlines, and stores the event announcing the result. The write's precondition is the state
     * it was computed from: an update matches only the item at the version read, an insert collides with the unique
     * group key; either way the loop recomputes.
     *
     * @param report the report that joins, or null when another signal does
     */
    private void join(String articleId, Source source, Report report, HelpfulnessSignal helpfulness,
            IntFunction<Severity> signal, Consumer<Update> details) {
        for (int attempt = 1; ; attempt++) {
            ReviewItem current = mongo.findOne(Query.query(where("groupKey").is(articleId)), ReviewItem.class);
            int reports = (current == null ? 0 : current.reportCount()) + (report == null ? 0 : 1);
            Severity severity = signal.apply(reports).atLeast(current == null ? null : current.severity());
            Instant now = clock.instant();
            Instant resolveDue = sla.resolveDue(severity, now, current == null ? null : current.resolveDueAt());
            Update update = new Update()
                    .set("reportCount", reports)
                    .addToSet("sources", source)
                    .set("severity", severity)
                    .set("priority", properties.priority(severity, reports, daysOverdue(articleId),
                            deficit(helpfulness != null ? helpfulness : current == null ? null : current.helpfulness())))
                    .set("claimDueAt", sla.claimDue(severity, now, current == null ? null : current.claimDueAt()))
                    .set("resolveDueAt", resolveDue);
            details.accept(update);
            ItemEvent after = (current == null ? ItemEvent.opening() : ItemEvent.after(current))
                    .joined(report, reports, severity, resolveDue);
            ReviewItem written = current == null ? open(articleId, update, after, now)
                    : write(current, new Change(update, after, List.of()), now);
            if (written != null) {
                if (current == null) {
                    metrics.opened(source);
                }
                // ids and the source only, never reader text; the line's trace id leads back to the reader's request
                log.info("Review item {} for article {}: {} {} it", written.id(), articleId, source,
                        current == null ? "opened" : "joined");
                announcer.announce(written);
                return;
            }
            if (attempt == MAX_ATTEMPTS) {
                throw new IllegalStateException("Item of article " + articleId + " kept changing; will retry");
            }
        }
    }

    /** @return the item opened, or null when another writer opened the article's item first */
    private ReviewItem open(String articleId, Update update, ItemEvent after, Instant now) {
        ObjectId id = new ObjectId();
        // matches no existing item (every item has createdAt), so this only ever inserts
        Query nothing = Query.query(where("groupKey").is(articleId).and("createdAt").is(null));
        update.setOnInsert("_id", id)
                .setOnInsert("articleId", articleId)
                .setOnInsert("state", ItemState.OPEN)
                .setOnInsert("escalated", false)
                .setOnInsert("openedAtRevision", articles.find(articleId).map(KnownArticle::revision).orElse(null))
                .setOnInsert("createdAt", now);
        ReviewItemChanged event = after.build(id.toHexString(), articleId, 1, now, events.passages());
        try {
            return mongo.findAndModify(nothing, touched(update, now, event), options().upsert(true).returnNew(true),
                    ReviewItem.class);
        } catch (DuplicateKeyException anotherWriterOpenedItFirst) {
            return null;
        }
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
     * Claims the most pressing item this reviewer may take, if any. When another write takes or changes the
     * candidate first, the next most pressing one is tried: every lost race is someone else's success. The key makes
     * a retry answer with the item the first attempt claimed: the claim records the request in the item's unique
     * {@code claimRequest}, so even two attempts at once cannot claim two items.
     */
    public Optional<ReviewItem> claimNext(Staff who, IdempotencyKey key) {
        ItemRequest request = ItemRequest.of(who, CLAIMED, null, Objects.requireNonNull(key));
        for (int attempt = 1; attempt <= MAX_CLAIM_ATTEMPTS; attempt++) {
            Optional<ReviewItem> earlier = claimMadeBy(request);
            if (earlier.isPresent()) {
                return earlier;
            }
            Instant now = clock.instant();
            ReviewItem candidate = mongo.findOne(Query.query(waitingFor(who, now)).with(QUEUE_ORDER),
                    ReviewItem.class);
            if (candidate == null) {
                return Optional.empty();
            }
            if (!claimable(candidate, who, now)) {
                continue; // claimed between matching the query and being read: the embedded store answers so
            }
            ReviewItem claimed;
            try {
                claimed = write(candidate, claimChange(candidate, request, now), now);
            } catch (DuplicateKeyException sameRequestClaimedAnotherMeanwhile) {
                return claimMadeBy(request);
            }
            if (claimed != null) {
                announcer.announce(claimed);
                return Optional.of(claimed(claimed));
            }
        }
        throw Problems.conflict("The queue kept changing while you claimed; try again");
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
        // without a key, claiming again is how a holder renews the lease: only a keyed claim is applied once
        return change(id, key == null ? null : request, item -> {
            Instant now = clock.instant();
            if (!claimable(item, who, now)) {
                throw Problems.conflict(item.escalated() && !who.senior()
                        ? "Item " + id + " is escalated: only a senior reviewer may take it"
                        : "Item " + id + " is " + item.state() + (item.claimedBy() == null ? ""
                                : " by " + item.claimedBy() + " until " + item.leaseExpiresAt()));
            }
            return Optional.of(claimChange(item, request, now));
        }).orElseThrow().ifChanged(this::claimed);
    }

    /** Measures the wait for a reviewer once per item: at its first claim, not at renewals or later claims. */
    private ReviewItem claimed(ReviewItem item) {
        if (item.activity().stream().filter(a -> CLAIMED.equals(a.action())).count() == 1) {
            metrics.firstClaimed(item);
        }
        return item;
    }

    /**
     * The rule of {@link #waitingFor}, for one item as read, or one this reviewer already holds (claiming it again
     * renews the lease).
     */
    private static boolean claimable(ReviewItem item, Staff who, Instant now) {
        boolean leaseRanOut = item.state() == ItemState.CLAIMED && item.leaseExpiresAt() != null
                && item.leaseExpiresAt().isBefore(now);
        boolean waiting = (Transition.CLAIM.allowedFrom(item.state()) || leaseRanOut)
                && (who.senior() || !item.escalated());
        return waiting || item.state() == ItemState.CLAIMED && who.username().equals(item.claimedBy());
    }

    /**
     * Items nobody holds: waiting, or left by a reviewer whose lease ran out. Escalated items are for senior
     * reviewers only.
     */
    private static Criteria waitingFor(Staff who, Instant now) {
        Criteria waiting = new Criteria().orOperator(
                where("state").in(Transition.CLAIM.from()),
                where("state").is(ItemState.CLAIMED).and("leaseExpiresAt").lt(now));
        return who.senior() ? waiting : new Criteria().andOperator(waiting, where("escalated").is(false));
    }

    private Change claimChange(ReviewItem item, ItemRequest request, Instant now) {
        Update claim = new Update()
                .set("state", ItemState.CLAIMED)
                .set("claimedBy", request.who().username())
                .set("claimedAt", now)
                .set("leaseExpiresAt", now.plus(properties.lease()));
        if (request.id() != null) {
            claim.set(CLAIM_REQUEST, request.id());
        } else {
            claim.unset(CLAIM_REQUEST);
        }
        return new Change(claim, ItemEvent.after(item).state(ItemState.CLAIMED), List.of(request.entry(now)));
    }

    /** @param key null when the caller sent none */
    public ReviewItem release(String id, Staff who, IdempotencyKey key) {
        ItemRequest request = ItemRequest.of(who, "released", null, key);
        return change(id, request, item -> {
            requireHeld(item, who, Transition.RELEASE);
            ItemState back = Transition.afterLetGo(item.escalated());
            return Optional.of(new Change(letGo().set("state", back), ItemEvent.after(item).state(back),
                    List.of(request.entry(clock.instant()))));
        }).orElseThrow().item();
    }

    /** @param key null when the caller sent none */
    public ReviewItem escalate(String id, Staff who, String reason, IdempotencyKey key) {
        ItemRequest request = ItemRequest.of(who, "escalated", reason, key);
        return change(id, request, item -> {
            requireHeld(item, who, Transition.ESCALATE);
            return Optional.of(new Change(letGo().set("state", ItemState.ESCALATED).set("escalated", true),
                    ItemEvent.after(item).state(ItemState.ESCALATED), List.of(request.entry(clock.instant()))));
        }).orElseThrow().ifChanged(escalated -> metrics.escalated());
    }

    /**
     * Notes are the reviewers' own: they change nothing another service sees, so they are not announced. A note has
     * no state to tell its retry by, so it always comes with a key.
     */
    public ReviewItem note(String id, Staff who, String text, IdempotencyKey key) {
        ItemRequest request = ItemRequest.of(who, "note", text, Objects.requireNonNull(key));
        return change(id, request, item -> {
            requireAllowed(item, Transition.NOTE);
            return Optional.of(new Change(new Update(), null, List.of(request.entry(clock.instant()))));
        }).orElseThrow().item();
    }

    /**
     * A senior reviewer puts a short notice on the article page at once, or replaces the one standing, while a
     * reader's safety concern is being checked. Only then: a notice that the page's advice is in doubt is a safety
     * measure, and on every ordinary correction it would soon stop being read.
     *
     * @param key null when the caller sent none
     */
    public ReviewItem setSafetyNotice(String id, Staff who, String text, IdempotencyKey key) {
        requireSenior(who, "put a safety notice on the article page");
        String notice = text.strip();
        ItemRequest request = ItemRequest.of(who, NOTICE_SET, notice, key);
        return change(id, request, item -> {
            requireAllowed(item, Transition.SAFETY_NOTICE);
            if (!item.hasSafetyConcern()) {
                throw Problems.conflict("Item " + id + " has no safety-concern report: a safety notice is only for"
                        + " those");
            }
            Instant now = clock.instant();
            return Optional.of(new Change(
                    new Update().set("safetyNotice", new SafetyNotice(notice, who.username(), now)),
                    ItemEvent.after(item).safetyNotice(notice), List.of(request.entry(now))));
        }).orElseThrow().item();
    }

    /** @param key null when the caller sent none */
    public ReviewItem liftSafetyNotice(String id, Staff who, IdempotencyKey key) {
        requireSenior(who, "lift a safety notice");
        ItemRequest request = ItemRequest.of(who, NOTICE_LIFTED, null, key);
        return change(id, request, item -> {
            if (item.safetyNotice() == null) {
                throw Problems.conflict("No safety notice stands on item " + id);
            }
            return Optional.of(new Change(new Update().unset("safetyNotice"), ItemEvent.after(item).safetyNotice(null),
                    List.of(request.entry(clock.instant()))));
        }).orElseThrow().item();
    }

    /** @param key null when the caller sent none */
    public ReviewItem resolve(String id, Staff who, Resolve command, IdempotencyKey key) {
        ItemRequest request = ItemRequest.of(who, "resolved", command.describe(), key);
        return change(id, request, item -> {
            requireHeld(item, who, Transition.RESOLVE);
            if (item.escalated() && !who.senior()) {
                throw Problems.conflict("Item " + id + " is escalated: only a senior reviewer may resolve it");
            }
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
     * The items whose fix this revision's votes verify, read by key. An entry whose item is no longer pending (a
     * resolution that was never written, a verification whose clean-up was cut short) is dropped.
     */
    public List<ReviewItem> fixesAwaitingVerification(String articleId, int revision) {
        FixWatch watch = mongo.findById(FixWatch.idOf(articleId, revision), FixWatch.class);
        if (watch == null || watch.items() == null) {
            return List.of();
        }
        List<ReviewItem> pending = new ArrayList<>();
        for (String id : watch.items()) {
            ReviewItem item = mongo.findById(id, ReviewItem.class);
            if (awaitsVerificationBy(item, revision)) {
                pending.add(item);
            } else {
                unwatch(articleId, revision, id);
            }
        }
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
        Optional<Applied> done = change(id, null, item -> {
            if (!awaitsVerificationBy(item, fixed.revision())) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            boolean improved = Verification.improved(fixed, before, margin);
            Verification decided = item.verification().decided(improved, fixed, before, now);
            Update update = new Update().set(VERIFICATION, decided);
            if (improved) {
                return Optional.of(new Change(update, null,
                        List.of(new Activity("fix verified", SYSTEM, now, decided.measurement()))));
            }
            carriesOn[0] = mongo.findOne(Query.query(where("groupKey").is(item.articleId())), ReviewItem.class);
            if (carriesOn[0] != null) {
                return Optional.of(new Change(update, null, List.of(new Activity("fix not verified", SYSTEM, now,
                        decided.measurement() + "; item " + carriesOn[0].id() + " is open for the article"))));
            }
            return Optional.of(reopening(item, update, decided, now));
        });
        done.ifPresent(applied -> applied.ifChanged(metrics::fixVerified));
        if (carriesOn[0] != null && done.isPresent()) {
            log(carriesOn[0].id(), new Staff(SYSTEM, false), "earlier fix not verified", "Item " + id + ": "
                    + done.get().item().verification().measurement(), "fix-verification:" + id);
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
                List.of(new Activity("reopened", SYSTEM, now, "Fix not verified: " + decided.measurement())));
    }

    /**
     * Closes the item, freeing the article's slot, and lifts the safety notice it may have put on the page. The
     * resolution is the log's last entry, so that a retry without a key is recognised by it.
     */
    private static Change resolution(ReviewItem item, ItemRequest request, Resolution resolution, Instant now) {
        List<Activity> log = new ArrayList<>();
        if (item.safetyNotice() != null) {
            log.add(new Activity(NOTICE_LIFTED, request.who().username(), now, "with the resolution"));
        }
        log.add(request.entry(now));
        return new Change(letGo()
                .set("state", ItemState.RESOLVED)
                .set("groupKey", "closed:" + item.id())
                .set("resolution", resolution)
                .unset("safetyNotice"),
                ItemEvent.after(item).resolved(resolution), log);
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
        ItemRequest request = ItemRequest.of(who, "resolved", Resolve.describe(Outcome.SPAM, null, null, summary,
                null), null);
        List<String> marked = new ArrayList<>();
        for (String id : ids) {
            if (mongo.findById(id, ReviewItem.class) == null) {
                continue;
            }
            change(id, request, item -> {
                boolean waiting = Transition.CLAIM.allowedFrom(item.state());
                boolean mine = Transition.RESOLVE.allowedFrom(item.state()) && who.username().equals(item.claimedBy());
                if (!(waiting || mine) || item.escalated() && !who.senior()) {
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

    /**
     * Records an action that happened elsewhere (a sign-off) in the item's log, whatever its state, once.
     *
     * @param requestId what made it, e.g. the sign-off's id: logging it again changes nothing
     */
    public void log(String id, Staff who, String action, String detail, String requestId) {
        ItemRequest request = new ItemRequest(who, action, detail, Objects.requireNonNull(requestId));
        change(id, request, item -> Optional.of(new Change(new Update(), null, List.of(request.entry(clock.instant())))));
    }

    /** Gives every item whose lease ran out back to the queue. Safe with several instances running it. */
    public long returnExpiredLeases() {
        Instant now = clock.instant();
        long returned = 0;
        for (ReviewItem expired : mongo.find(Query.query(where("state").is(ItemState.CLAIMED)
                .and("leaseExpiresAt").lt(now)), ReviewItem.class)) {
            Optional<Applied> back = change(expired.id(), null, item -> {
                if (item.state() != ItemState.CLAIMED || !item.leaseExpiresAt().isBefore(now)) {
                    return Optional.empty(); // claimed again or released meanwhile
                }
                ItemState state = Transition.afterLetGo(item.escalated());
                return Optional.of(new Change(letGo().set("state", state), ItemEvent.after(item).state(state),
                        List.of(new Activity("lease expired", SYSTEM, now, null))));
            });
            returned += back.isPresent() ? 1 : 0;
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
            throw Problems.conflict("Cannot " + transition.name().toLowerCase().replace('_', ' ') + " item "
                    + item.id() + " while it is " + item.state());
        }
    }

    /** The security chain admits only senior reviewers here already; the queue says so too. */
    private static void requireSenior(Staff who, String action) {
        if (!who.senior()) {
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, ProblemDetail.forStatusAndDetail(
                    HttpStatus.FORBIDDEN, "Only a senior reviewer may " + action), null);
        }
    }

    private static Update letGo() {
        return new Update().unset("claimedBy").unset("claimedAt").unset("leaseExpiresAt").unset(CLAIM_REQUEST);
    }

    /**
     * One change of an item, decided on the item as read.
     *
     * @param after what the change leaves of the item for {@code review.items}; null for a change no other service
     *              sees (a note, a line in the log)
     * @param log   the activity entries it adds
     */
    private record Change(Update update, ItemEvent after, List<Activity> log) {
    }

    /**
     * What a request came to.
     *
     * @param item    the item as it stands after it
     * @param changed false when the item already showed the request (a retry, a double submit, or the same request
     *                sent twice at once, which the other attempt applied): nothing was written or announced again
     */
    private record Applied(ReviewItem item, boolean changed) {

        /** @return the item, after {@code counted} saw it if this call changed it: a metric counts each change once */
        ReviewItem ifChanged(Consumer<ReviewItem> counted) {
            if (changed) {
                counted.accept(item);
            }
            return item;
        }
    }

    /**
     * Applies a change decided on the item as read. The write matches only that version of the item, so the event
     * stored with it describes exactly the state it makes, and a request the item did not show when read cannot have
     * been applied before the write; when another write came first, the item is read and the change decided again,
     * so a report joining meanwhile costs nothing but a retry.
     *
     * @param once   the request to apply once: when the item as read already shows it, nothing is written. Null when
     *               doing it again is wanted (a keyless claim renews) or the system acts
     * @param decide the change to make, or empty when there is none (any more); throws when it is refused
     * @return what was done, or empty when there was nothing to do
     * @throws org.springframework.web.ErrorResponseException 422 when the request's key was used for another request
     */
    private Optional<Applied> change(String id, ItemRequest once, Function<ReviewItem, Optional<Change>> decide) {
        for (int attempt = 1; ; attempt++) {
            ReviewItem item = get(id);
            if (once != null && once.appliedTo(item)) {
                return Optional.of(new Applied(item, false));
            }
            Optional<Change> change = decide.apply(item);
            if (change.isEmpty()) {
                return Optional.empty();
            }
            ReviewItem changed = write(item, change.get(), clock.instant());
            if (changed != null) {
                announcer.announce(changed);
                return Optional.of(new Applied(changed, true));
            }
            if (attempt == MAX_ATTEMPTS) {
                throw Problems.conflict("Item " + id + " changed meanwhile; reload it and try again");
            }
        }
    }

    /** @return the item as written, or null when it is no longer at the version read */
    private ReviewItem write(ReviewItem item, Change change, Instant now) {
        ReviewItemChanged event = change.after() == null ? null
                : change.after().build(item.id(), item.articleId(), item.version() + 1, now, events.passages());
        Update update = change.update();
        if (!change.log().isEmpty()) {
            update.push("activity").each(change.log().toArray());
        }
        // The state, holder and escalation the change was decided on are matched as well as the version: the
        // embedded store may let a read see a write half done, new version beside old state.
        Criteria asRead = where("_id").is(item.id()).and("state").is(item.state()).and("escalated")
                .is(item.escalated()).and("claimedBy").is(item.claimedBy());
        return mongo.findAndModify(Query.query(new Criteria().andOperator(asRead, atVersion(item))),
                touched(update, now, event), options().returnNew(true), ReviewItem.class);
    }

    /** The item only as it was read; one stored before versions existed has none, which counts as 0. */
    private static Criteria atVersion(ReviewItem item) {
        return item.version() == 0
                ? new Criteria().orOperator(where(VERSION).is(0L), where(VERSION).exists(false))
                : where(VERSION).is(item.version());
    }

    /** Every write of an item says when, counts its version up, and stores the event announcing it, if any. */
    private static Update touched(Update update, Instant now, ReviewItemChanged event) {
        update.set("updatedAt", now).inc(VERSION, 1);
        return event == null ? update : update.push("outbox", event);
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

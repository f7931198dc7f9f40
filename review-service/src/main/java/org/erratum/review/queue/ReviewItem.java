package org.erratum.review.queue;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.erratum.events.ReportSubmitted.Category;
import org.erratum.events.ReviewItemChanged;
import org.erratum.platform.mongo.EmbeddedStoreIndex;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * One unit of reviewer work on one article. While it is active it holds the article's {@code groupKey} (unique),
 * so further reports join it instead of opening another item.
 *
 * <p>The SLA metrics also keep two flags in the document, outside this record: {@code claimBreachCounted} and
 * {@code resolveBreachCounted} (see {@code SlaTarget}).
 *
 * @param groupKey  the article id while active; {@code closed:<id>} once resolved, freeing the slot
 * @param helpfulness  the latest low-helpfulness measurement, when that is a source
 * @param claimDueAt   when the item must be claimed by, from its severity's SLA
 * @param resolveDueAt when it must be resolved by
 * @param escalated once escalated, only a senior reviewer may claim or resolve it
 * @param latestReports the newest reports that joined, oldest first, at most {@code erratum.review.queue.report-sample}
 *                  of them: a bounded sample for the console and {@code review.items}. Every report is stored apart,
 *                  in {@link ItemReports}, so the item stays small however many readers report the article. The
 *                  API calls them {@code reports}, as it did when the item held them all
 * @param claimRequest the request that made the current claim, when it came with an idempotency key: unique, so a
 *                     retried "claim the next item" finds the item it claimed instead of claiming a second one
 * @param version   counts every change of the item (a write that takes several reports counts one for each, and
 *                  stores an event for each); every write after the first is decided on the item as read and
 *                  matches only that version, so the events it stores describe exactly the states it makes (and
 *                  carry their versions). Items stored before it existed have none, which counts as 0.
 * @param openedAtRevision the article's latest revision when the item opened, if the article was known then
 * @param safetyNotice the interim notice a senior reviewer put on the article page while the item is open
 * @param verification whether the fix of its latest REVISED resolution helped readers, once one was made
 * @param reviewRequests why editors asked for this review (guidance changed, say), oldest first; empty for other
 *                  sources
 * @param outbox    the {@code review.items} events of this item's changes that Kafka has not acknowledged yet, oldest
 *                  first: each is written in the same atomic update as its change, and removed on acknowledgement
 * @param reportedRevisions every revision a report was about: as many as the article has revisions, not reports
 * @param readersAsking how many of the reports asked to hear the outcome
 * @param activity  the latest lines of the activity log, oldest first, at most {@code erratum.review.queue.activity-kept}:
 *                  every line is stored apart as well, in {@link ItemActivity}
 * @param activityCount how many lines the log has had: the number of its newest line
 * @param archivedActivity the number of the newest line stored apart (see {@link ItemActivity})
 * @param claims    how many times the item was claimed (renewals included), so the first claim is known
 */
@Document("review_items")
// a move to and from the history deletes the copy at the version it copied (see ItemHistory)
@EmbeddedStoreIndex(name = "version", field = "version")
// the queue's pages and claim-next, in the queue's order; _id makes it total (a page boundary never splits a tie).
// It replaces the index "queue_order" (the same without _id), which a database created before keeps until dropped.
@CompoundIndex(name = "queue_order_by_id", def = "{'state': 1, 'priority': -1, 'createdAt': 1, '_id': 1}")
// the relay's query: items with an event waiting longer than its grace period
@CompoundIndex(name = "outbox_pending", def = "{'outbox.occurredAt': 1}")
// the pending-verifications gauge's count
@CompoundIndex(name = "verification_status", def = "{'verification.status': 1}")
public record ReviewItem(
        @Id String id,
        @Indexed String articleId,
        @JsonIgnore @Indexed(unique = true) String groupKey,
        ItemState state,
        Set<Source> sources,
        Severity severity,
        double priority,
        boolean escalated,
        int reportCount,
        Map<Category, Integer> categories,
        @JsonProperty("reports") List<Report> latestReports,
        String claimedBy,
        Instant claimedAt,
        Instant leaseExpiresAt,
        HelpfulnessSignal helpfulness,
        Instant claimDueAt,
        Instant resolveDueAt,
        Resolution resolution,
        List<Activity> activity,
        Instant createdAt,
        Instant updatedAt,
        @JsonIgnore @Indexed(unique = true, sparse = true) String claimRequest,
        Long version,
        Integer openedAtRevision,
        SafetyNotice safetyNotice,
        Verification verification,
        @JsonIgnore List<ReviewItemChanged> outbox,
        List<RequestedReview> reviewRequests,
        Set<Integer> reportedRevisions,
        Integer readersAsking,
        @JsonIgnore Long activityCount,
        @JsonIgnore Long archivedActivity,
        @JsonIgnore Integer claims) {

    public ReviewItem {
        latestReports = latestReports == null ? List.of() : List.copyOf(latestReports);
        reportedRevisions = reportedRevisions == null ? Set.of() : Set.copyOf(reportedRevisions);
        readersAsking = readersAsking == null ? 0 : readersAsking;
        activity = activity == null ? List.of() : List.copyOf(activity);
        activityCount = activityCount == null ? 0L : activityCount;
        archivedActivity = archivedActivity == null ? 0L : archivedActivity;
        claims = claims == null ? 0 : claims;
        version = version == null ? 0L : version;
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
        reviewRequests = reviewRequests == null ? List.of() : List.copyOf(reviewRequests);
    }

    /**
     * The escalation rule, stated once: an escalated item is for senior reviewers only, to claim, resolve or mark as
     * spam ({@link Transition} says which changes it applies to; {@link #waitingFor} is the same rule as a query).
     */
    public boolean mayBeWorkedBy(Staff who) {
        return !escalated || who.senior();
    }

    /** Whether this reviewer holds the item (whether or not the lease ran out). */
    public boolean heldBy(Staff who) {
        return state == ItemState.CLAIMED && who.username().equals(claimedBy);
    }

    /** Whether the item is claimed and its holder's lease ran out, so that it is claimable again. */
    public boolean leaseRanOut(Instant now) {
        return state == ItemState.CLAIMED && leaseExpiresAt != null && leaseExpiresAt.isBefore(now);
    }

    /** Whether the item waits for a reviewer, whoever may take it. */
    public boolean waitsForClaim() {
        return Transition.CLAIM.allowedFrom(state);
    }

    /**
     * Whether this reviewer may claim the item now: it waits, or its holder's lease ran out, and it is not escalated
     * beyond them; or they hold it already, and claiming it again renews their lease. {@link #waitingFor} as read.
     */
    boolean claimableBy(Staff who, Instant now) {
        return (waitsForClaim() || leaseRanOut(now)) && mayBeWorkedBy(who) || heldBy(who);
    }

    /** The items {@link #claimableBy} this reviewer that nobody holds, as a query. */
    static Criteria waitingFor(Staff who, Instant now) {
        Criteria waiting = new Criteria().orOperator(
                where("state").in(Transition.CLAIM.from()),
                where("state").is(ItemState.CLAIMED).and("leaseExpiresAt").lt(now));
        return who.senior() ? waiting : new Criteria().andOperator(waiting, where("escalated").is(false));
    }

    /** How many readers will be told this item's outcome: those who asked, unless it turned out to be spam. */
    public int readersToBeTold() {
        return resolution != null && resolution.outcome() == Outcome.SPAM ? 0 : readersAsking;
    }

    /** The newest reason an editor gave for this review, if any. */
    public RequestedReview latestReviewRequest() {
        return reviewRequests.isEmpty() ? null : reviewRequests.get(reviewRequests.size() - 1);
    }

    /** Whether a reader reported a safety concern (a wrong dose, say) on this item. */
    public boolean hasSafetyConcern() {
        return categories != null && categories.getOrDefault(Category.SAFETY_CONCERN, 0) > 0;
    }

    /**
     * The revision readers saw before this fix: the newest revision below it that a report or the low-helpfulness
     * signal was about, else the one the item opened at, else the revision just before the fix; null when the fix is
     * the article's first revision. The newest, not the earliest: the fix is measured against the text it replaced.
     */
    Integer readersSawBefore(int fix) {
        Stream<Integer> seen = Stream.concat(reportedRevisions.stream(),
                helpfulness == null ? Stream.empty() : Stream.of(helpfulness.revision()));
        return seen.filter(revision -> revision < fix).max(Integer::compare)
                .or(() -> Optional.ofNullable(openedAtRevision).filter(revision -> revision < fix))
                .orElse(fix > 1 ? fix - 1 : null);
    }

    /** Whether this report is among the latest that joined: a report counted just before a crash is found here. */
    boolean hasLatest(String reportEventId) {
        return latestReports.stream().anyMatch(report -> report.eventId().equals(reportEventId));
    }

    /** Whether the item came back to the queue because readers did not find its fix more helpful. */
    public boolean reopenedAfterFailedFix() {
        return ItemState.ACTIVE.contains(state) && verification != null
                && verification.status() == Verification.Status.NOT_VERIFIED;
    }

    /** @param outcomeRequested whether the reader left an address to hear the outcome (the address stays in feedback) */
    public record Report(String eventId, int revision, Category category, String passage, String comment,
            Instant at, boolean outcomeRequested) {
    }

    /**
     * An editor asked that the article be reviewed now.
     *
     * @param reason in the editor's words, e.g. "New NICE guidance on X"
     * @param by     the editor's sign-in name
     * @param at     when they asked; the request's identity, so the same request never joins twice
     */
    public record RequestedReview(String reason, String by, Instant at) {
    }

    /**
     * The low-helpfulness signal that joined the item, as last measured.
     *
     * @param score     smoothed helpfulness of the revision
     * @param threshold the score below which a revision is queued
     */
    public record HelpfulnessSignal(int revision, double score, long votes, double threshold) {

        double deficit() {
            return Math.max(0, threshold - score);
        }
    }

    /**
     * @param revision     the content revision that fixed it, when the outcome is REVISED
     * @param summary      the reviewer's internal account, kept in the activity log
     * @param publicReason what readers who asked to hear back are told, if the reviewer gave it
     */
    public record Resolution(Outcome outcome, Integer revision, String summary, String publicReason,
            String duplicateOf, String by, Instant at) {
    }

    /**
     * Whether readers find the revision that fixed the item more helpful than the one they saw: pending until that
     * revision has enough votes, then decided once, on smoothed scores.
     *
     * @param revision   the revision the item was resolved as revised by
     * @param readersSaw the revision it is compared with
     * @param fixed      the fixed revision's measurement, once decided
     * @param before     the compared revision's measurement, once decided
     * @param decidedAt  when it was decided
     */
    public record Verification(Status status, int revision, int readersSaw, RevisionScore fixed,
            RevisionScore before, Instant decidedAt) {

        public enum Status { PENDING, VERIFIED, NOT_VERIFIED }

        static Verification pending(int revision, int readersSaw) {
            return new Verification(Status.PENDING, revision, readersSaw, null, null, null);
        }

        /** Improved only when the fixed revision scores more than the margin above the one readers saw. */
        static boolean improved(RevisionScore fixed, RevisionScore before, double margin) {
            return fixed.score() > before.score() + margin;
        }

        Verification decided(boolean improved, RevisionScore fixedScore, RevisionScore beforeScore, Instant at) {
            return new Verification(improved ? Status.VERIFIED : Status.NOT_VERIFIED, revision, readersSaw,
                    fixedScore, beforeScore, at);
        }

        /** The measurement in words, for the activity log and the console: "helpfulness 41% on revision 3 ...". */
        public String measurement() {
            return fixed == null ? null : "helpfulness " + fixed.percent() + "% on revision " + fixed.revision()
                    + " (" + fixed.votes() + " votes) vs " + before.percent() + "% on revision " + before.revision()
                    + " (" + before.votes() + " votes)";
        }
    }

    /** A revision's smoothed helpfulness score from this many votes. */
    public record RevisionScore(int revision, long votes, double score) {

        /** The score as a whole percent, as the console shows it. */
        public long percent() {
            return Math.round(score * 100);
        }
    }

    /** A short plain-text notice shown on the article page at once, while clinicians check it. */
    public record SafetyNotice(String text, String by, Instant at) {

        /** A sentence or two: the page shows it above the article, where a long text would push the advice away. */
        public static final int MAX_LENGTH = 200;

        /** One line of text; line breaks and other control characters have no place in a banner. */
        public static final String ONE_LINE = "[^\\p{Cntrl}]*";
    }

    /**
     * One line of the item's activity log: who did what, when.
     *
     * @param requestId the request that made it, when it came with an idempotency key, so that its retry is
     *                  recognised
     * @param seq       its number in the item's log, from 1, once written
     */
    public record Activity(String action, String by, Instant at, String detail, @JsonIgnore String requestId,
            @JsonIgnore Long seq) {

        public Activity(String action, String by, Instant at, String detail) {
            this(action, by, at, detail, null, null);
        }

        public Activity(String action, String by, Instant at, String detail, String requestId) {
            this(action, by, at, detail, requestId, null);
        }

        Activity numbered(long number) {
            return new Activity(action, by, at, detail, requestId, number);
        }
    }
}

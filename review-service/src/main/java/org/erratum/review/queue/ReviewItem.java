package org.erratum.review.queue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.erratum.events.ReportSubmitted.Category;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

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
 * @param reports   every report that joined, with the revision the reader saw
 * @param claimRequest the request that made the current claim, when it came with an idempotency key: unique, so a
 *                     retried "claim the next item" finds the item it claimed instead of claiming a second one
 * @param version   counts every change to the item; a write computed from what was read matches only this version.
 *                  Items stored before it existed have none, which counts as 0.
 */
@Document("review_items")
@CompoundIndex(name = "queue_order", def = "{'state': 1, 'priority': -1, 'createdAt': 1}")
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
        List<Report> reports,
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
        Long version) {

    public ReviewItem {
        if (version == null) {
            version = 0L;
        }
    }

    public record Report(String eventId, int revision, Category category, String passage, String comment,
            Instant at) {
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

    /** @param revision the content revision that fixed it, when the outcome is REVISED */
    public record Resolution(Outcome outcome, Integer revision, String summary, String duplicateOf, String by,
            Instant at) {
    }

    /**
     * One line of the item's activity log: who did what, when.
     *
     * @param requestId the request that made it, when it came with an idempotency key, so that its retry is
     *                  recognised
     */
    public record Activity(String action, String by, Instant at, String detail, @JsonIgnore String requestId) {

        public Activity(String action, String by, Instant at, String detail) {
            this(action, by, at, detail, null);
        }
    }
}

package org.erratum.review.queue;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.erratum.platform.web.IdempotencyKey;
import org.erratum.review.queue.ReviewItem.Activity;

/**
 * A reviewer's request to act on an item, as the item's activity log records it; the log is also how a retry is
 * recognised. With an idempotency key, by the entry that carries the request's id, wherever it is in the log. Without
 * one, only when the item's latest entry is this same action by the same reviewer with the same text: nothing has
 * happened to the item since, so doing it again could only repeat it. The queue looks on the item as read and writes
 * only that version of it, so a request it did not see applied cannot have been applied before its write either.
 *
 * @param id derived from the reviewer and the key, or what made an entry recorded from elsewhere (a sign-off's id);
 *           null without a key
 */
record ItemRequest(Staff who, String action, String detail, String id) {

    private static final String KIND = "review-item-request";

    /** @param key null when the caller sent none */
    static ItemRequest of(Staff who, String action, String detail, IdempotencyKey key) {
        return new ItemRequest(who, action, detail, key == null ? null : key.idFor(KIND, who.username()));
    }

    Activity entry(Instant at) {
        return new Activity(action, who.username(), at, detail, id);
    }

    /**
     * @param stored the item's whole log, looked in by key only when the item no longer keeps every line itself
     * @return whether the item already shows this request
     * @throws org.springframework.web.ErrorResponseException 422 when its key was used for another action or text
     */
    boolean appliedTo(ReviewItem item, ItemActivity stored) {
        List<Activity> log = item.activity();
        if (id == null) {
            return !log.isEmpty() && isMadeBy(log.get(log.size() - 1));
        }
        for (Activity entry : log) {
            if (id.equals(entry.requestId())) {
                return sameRequest(entry);
            }
        }
        return item.activityCount() > log.size() && stored.madeBy(item.id(), id).map(this::sameRequest).orElse(false);
    }

    private boolean sameRequest(Activity entry) {
        if (!isMadeBy(entry)) {
            throw IdempotencyKey.reused();
        }
        return true;
    }

    private boolean isMadeBy(Activity entry) {
        return action.equals(entry.action()) && who.username().equals(entry.by())
                && Objects.equals(detail, entry.detail());
    }
}

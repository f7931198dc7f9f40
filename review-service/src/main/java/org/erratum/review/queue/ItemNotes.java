package org.erratum.review.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.erratum.platform.web.IdempotencyKey;
import org.erratum.review.queue.ItemStore.Change;
import org.erratum.review.queue.QueueRefusal.NotAllowed;
import org.erratum.review.queue.QueueRefusal.SeniorReviewerRequired;
import org.erratum.review.queue.ReviewItem.SafetyNotice;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * What is said about an item while it is worked on, whoever holds it: reviewers' notes, the safety notice on the
 * article page, and lines logged for actions taken elsewhere (a clinical sign-off).
 */
@Service
public class ItemNotes {

    static final String NOTICE_LIFTED = "safety notice lifted";

    private static final String NOTICE_SET = "safety notice set";

    private final ItemStore store;
    private final Clock clock;

    ItemNotes(ItemStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Notes are the reviewers' own: they change nothing another service sees, so they are not announced. A note has
     * no state to tell its retry by, so it always comes with a key.
     */
    public ReviewItem note(String id, Staff who, String text, IdempotencyKey key) {
        ItemRequest request = ItemRequest.of(who, "note", text, Objects.requireNonNull(key));
        return store.change(id, request, item -> {
            Transition.NOTE.require(item, who);
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
        return store.change(id, request, item -> {
            Transition.SAFETY_NOTICE.require(item, who);
            if (!item.hasSafetyConcern()) {
                throw new NotAllowed("Item " + id + " has no safety-concern report: a safety notice is only for"
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
        return store.change(id, request, item -> {
            if (item.safetyNotice() == null) {
                throw new NotAllowed("No safety notice stands on item " + id);
            }
            return Optional.of(new Change(new Update().unset("safetyNotice"), ItemEvent.after(item).safetyNotice(null),
                    List.of(request.entry(clock.instant()))));
        }).orElseThrow().item();
    }

    /**
     * Records an action that happened elsewhere (a sign-off) in the item's log, whatever its state, once.
     *
     * @param requestId what made it, e.g. the sign-off's id: logging it again changes nothing
     */
    public void log(String id, Staff who, String action, String detail, String requestId) {
        store.record(id, new ItemRequest(who, action, detail, Objects.requireNonNull(requestId)));
    }

    /** The security chain admits only senior reviewers here already; the queue says so too. */
    private static void requireSenior(Staff who, String action) {
        if (!who.senior()) {
            throw new SeniorReviewerRequired(action);
        }
    }
}

package org.erratum.review.queue;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The two SLA deadlines an active item can miss. This is the one definition of a breach: the queue's "breached"
 * filter and the SLA metrics both read it, so the console and the dashboards always agree.
 */
enum SlaTarget {
    /** Still waiting for a reviewer (open, or escalated and not yet taken) after its claim deadline. */
    CLAIM("claimDueAt", "claimBreachCounted", EnumSet.of(ItemState.OPEN, ItemState.ESCALATED)),
    /** Still unresolved after its resolve deadline, whoever holds it. */
    RESOLVE("resolveDueAt", "resolveBreachCounted", ItemState.ACTIVE);

    private final String dueAt;
    private final String counted;
    private final Set<ItemState> states;

    SlaTarget(String dueAt, String counted, Set<ItemState> states) {
        this.dueAt = dueAt;
        this.counted = counted;
        this.states = states;
    }

    /** Items past this deadline at {@code now}. */
    Criteria breachedAt(Instant now) {
        return where("state").in(states).and(dueAt).lt(now);
    }

    /**
     * The field that marks a breach of this deadline as already counted by the metrics. It lives in the item's
     * document but not in {@link ReviewItem}: only the metrics read it, and every queue write is a partial update
     * that leaves it alone.
     */
    String countedFlag() {
        return counted;
    }

    /** The metric tag value: {@code claim} or {@code resolve}. */
    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}

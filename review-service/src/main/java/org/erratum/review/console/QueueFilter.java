package org.erratum.review.console;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.erratum.platform.web.Problems;
import org.erratum.review.queue.ItemQueries;
import org.erratum.review.queue.ItemState;
import org.erratum.review.queue.Severity;
import org.erratum.review.queue.Source;
import org.springframework.http.HttpStatus;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a reviewer narrowed the queue to. Every part is optional; no state means the items still needing work.
 *
 * @param olderThanDays only items that arrived at least this many days ago
 * @param breached      only items past an SLA deadline
 */
record QueueFilter(ItemState state, Severity severity, Source source, Integer olderThanDays, boolean breached) {

    static final Set<ItemState> NEEDING_WORK = EnumSet.of(ItemState.OPEN, ItemState.CLAIMED, ItemState.ESCALATED);

    QueueFilter {
        if (olderThanDays != null && olderThanDays < 1) {
            throw Problems.invalidField(HttpStatus.BAD_REQUEST, "olderThanDays", "must be a whole number of days, 1 or more");
        }
    }

    Set<ItemState> states() {
        return state == null ? NEEDING_WORK : EnumSet.of(state);
    }

    /** The items this filter wants, as the queue's query reads them. */
    ItemQueries.Wanted wanted(Instant now) {
        return new ItemQueries.Wanted(states(), severity, source, arrivedBy(now), breached);
    }

    /** The latest arrival old enough for the filter, or null when age does not matter. */
    Instant arrivedBy(Instant now) {
        return olderThanDays == null ? null : now.minus(Duration.ofDays(olderThanDays));
    }

    /** The queue page with this filter, on the given page: the filter is kept as the reviewer moves through pages. */
    public String href(int page) {
        UriComponentsBuilder href = UriComponentsBuilder.fromPath("/console");
        query(href, "state", state);
        query(href, "severity", severity);
        query(href, "source", source);
        query(href, "olderThanDays", olderThanDays);
        query(href, "breached", breached ? true : null);
        return href.queryParam("page", page).build().encode().toUriString();
    }

    private static void query(UriComponentsBuilder href, String name, Object value) {
        if (value != null) {
            href.queryParam(name, value);
        }
    }

    /** Public because the queue page asks, and template expressions call public methods only. */
    public boolean narrowed() {
        return state != null || severity != null || source != null || olderThanDays != null || breached;
    }
}

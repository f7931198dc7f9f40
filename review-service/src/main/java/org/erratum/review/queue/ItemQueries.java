package org.erratum.review.queue;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Reading the queue: its pages, most pressing first, and one item. */
@Service
public class ItemQueries {

    /** Most pressing first: what the queue pages show, and what "claim the next item" takes. */
    static final Sort QUEUE_ORDER = Sort.by(Sort.Order.desc("priority"), Sort.Order.asc("createdAt"));

    /** The queue's order made total, so that items equal in it fall on the same page every time it is read. */
    static final Sort PAGE_ORDER = QUEUE_ORDER.and(Sort.by("id"));

    private final ItemStore store;
    private final ItemReports reports;
    private final ItemActivity activity;
    private final QueueProperties properties;
    private final ItemHistory history;
    private final MongoTemplate mongo;
    private final Clock clock;

    ItemQueries(ItemStore store, ItemReports reports, ItemActivity activity, QueueProperties properties,
            ItemHistory history, MongoTemplate mongo, Clock clock) {
        this.store = store;
        this.history = history;
        this.reports = reports;
        this.activity = activity;
        this.properties = properties;
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * One page of the items wanted, most pressing first: read in the index's order with a limit (one more than the
     * page holds, to tell whether another follows), so the first page costs the same however many items wait. A page
     * further on skips the pages before it in that order. Only a page that asks for resolved items reads the
     * {@link ItemHistory} as well.
     *
     * @param page from 1
     * @param size how many items a page holds
     */
    public Page<ReviewItem> list(Wanted wanted, int page, int size) {
        Criteria criteria = where("state").in(wanted.states());
        if (wanted.severity() != null) {
            criteria = criteria.and("severity").is(wanted.severity());
        }
        if (wanted.source() != null) {
            criteria = criteria.and("sources").is(wanted.source());
        }
        if (wanted.arrivedBy() != null) {
            criteria = criteria.and("createdAt").lte(wanted.arrivedBy());
        }
        if (wanted.breachedOnly()) {
            Instant now = clock.instant();
            criteria = new Criteria().andOperator(criteria, new Criteria().orOperator(
                    SlaTarget.CLAIM.breachedAt(now), SlaTarget.RESOLVE.breachedAt(now)));
        }
        Query wantedInOrder = Query.query(criteria).with(PAGE_ORDER);
        long skip = (page - 1L) * size;
        List<ReviewItem> found = wanted.states().contains(ItemState.RESOLVED)
                ? history.across(wantedInOrder, skip, size + 1)
                : mongo.find(wantedInOrder.skip(skip).limit(size + 1), ReviewItem.class);
        return new Page<>(found.stream().limit(size).toList(), page, found.size() > size);
    }

    /**
     * Which items a queue page lists. Only the states are required.
     *
     * @param arrivedBy    only items that arrived at this time or before
     * @param breachedOnly only items past their SLA: unclaimed after the claim deadline, or unresolved after the
     *                     resolve deadline
     */
    public record Wanted(Collection<ItemState> states, Severity severity, Source source, Instant arrivedBy,
            boolean breachedOnly) {
    }

    /**
     * One page of the item's reports, newest first: the first is the latest reports the item holds, each further
     * one as many older reports.
     *
     * @param page from 1
     */
    public Page<ReviewItem.Report> reports(ReviewItem item, int page) {
        int size = properties.reportSample();
        return new Page<>(reports.page(item, page, size), page, ItemReports.morePast(item, page, size));
    }

    /**
     * One page of the item's activity log, oldest first within it: the first is the latest lines the item holds,
     * each further one as many earlier lines.
     *
     * @param page from 1
     */
    public Page<ReviewItem.Activity> activity(ReviewItem item, int page) {
        int size = properties.activityKept();
        return new Page<>(activity.page(item, page, size), page, ItemActivity.morePast(item, page, size));
    }

    /**
     * @param number from 1, the newest (of the queue: the most pressing)
     * @param more   whether further entries follow on the next page
     */
    public record Page<T>(List<T> entries, int number, boolean more) {
    }

    /** @throws QueueRefusal.ItemNotFound when no item has this id */
    public ReviewItem get(String id) {
        return store.get(id);
    }
}

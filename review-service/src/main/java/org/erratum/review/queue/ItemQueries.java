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

    private final ItemStore store;
    private final ItemReports reports;
    private final ItemActivity activity;
    private final QueueProperties properties;
    private final MongoTemplate mongo;
    private final Clock clock;

    ItemQueries(ItemStore store, ItemReports reports, ItemActivity activity, QueueProperties properties,
            MongoTemplate mongo, Clock clock) {
        this.store = store;
        this.reports = reports;
        this.activity = activity;
        this.properties = properties;
        this.mongo = mongo;
        this.clock = clock;
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
     * @param number from 1, the newest
     * @param more   whether older entries follow on the next page
     */
    public record Page<T>(List<T> entries, int number, boolean more) {
    }

    /** @throws QueueRefusal.ItemNotFound when no item has this id */
    public ReviewItem get(String id) {
        return store.get(id);
    }
}

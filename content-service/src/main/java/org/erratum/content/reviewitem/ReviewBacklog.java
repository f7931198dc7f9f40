package org.erratum.content.reviewitem;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.erratum.events.ReviewItemChanged.State;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * How many review items are active (not resolved), as {@code review.items} told this service: the reviewers'
 * backlog. Counted in the database on a schedule rather than per page view, and rather than in memory: each instance
 * consumes only some partitions of the topic, but all of them share the database, so every instance knows the whole
 * backlog (aggregate instances with max, not sum).
 */
@Component
public class ReviewBacklog {

    private final MongoTemplate mongo;
    private final AtomicLong active = new AtomicLong();

    ReviewBacklog(MongoTemplate mongo, MeterRegistry registry) {
        this.mongo = mongo;
        Gauge.builder("erratum.content.review.backlog", active, AtomicLong::get)
                .description("Active review items (not resolved), from the review.items projection")
                .register(registry);
    }

    /** The last count: 0 until the first one, which runs as the service starts. */
    public long active() {
        return active.get();
    }

    /** Counts again; the report prompt, which reads the count, decides how often (see {@code ReportPrompt}). */
    public void recount() {
        active.set(mongo.count(Query.query(where("state").in(State.OPEN, State.CLAIMED, State.ESCALATED)),
                TrackedItem.class));
    }
}

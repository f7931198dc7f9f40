package org.erratum.review.queue;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The queue's current shape as gauges: active items by state and severity, those past an SLA deadline, and fixes
 * awaiting verification. They are counted in the database on a schedule, not tracked in memory, so they survive
 * restarts and every instance reports the whole queue (aggregate instances with max, not sum).
 *
 * <p>The same round counts each item that newly missed a deadline, once however many instances run it: one
 * conditional update per severity sets the item's "counted" flag, MongoDB changes each document atomically, so only
 * the update that flipped the flag counts the item.
 */
@Component
class QueueGauges implements SchedulingConfigurer {

    private static final String COUNT = "count";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final MetricsProperties properties;
    private final Map<ItemState, Map<Severity, AtomicLong>> items = new EnumMap<>(ItemState.class);
    private final Map<SlaTarget, Map<Severity, AtomicLong>> breached = new EnumMap<>(SlaTarget.class);
    private final Map<SlaTarget, Map<Severity, Counter>> breaches = new EnumMap<>(SlaTarget.class);
    private final AtomicLong pendingVerifications = new AtomicLong();

    QueueGauges(MongoTemplate mongo, Clock clock, MetricsProperties properties, MeterRegistry registry) {
        this.mongo = mongo;
        this.clock = clock;
        this.properties = properties;
        // one series per combination from the start, so an empty cell reads 0 instead of disappearing
        for (ItemState state : ItemState.ACTIVE) {
            Map<Severity, AtomicLong> bySeverity = new EnumMap<>(Severity.class);
            for (Severity severity : Severity.values()) {
                AtomicLong value = new AtomicLong();
                Gauge.builder("erratum.review.items", value, AtomicLong::get)
                        .description("Active review items")
                        .tags("state", state.name(), "severity", severity.name())
                        .register(registry);
                bySeverity.put(severity, value);
            }
            items.put(state, bySeverity);
        }
        for (SlaTarget target : SlaTarget.values()) {
            Map<Severity, AtomicLong> now = new EnumMap<>(Severity.class);
            Map<Severity, Counter> ever = new EnumMap<>(Severity.class);
            for (Severity severity : Severity.values()) {
                AtomicLong value = new AtomicLong();
                Gauge.builder("erratum.review.sla.breached", value, AtomicLong::get)
                        .description("Active review items now past this SLA deadline")
                        .tags("severity", severity.name(), "target", target.tag())
                        .register(registry);
                now.put(severity, value);
                ever.put(severity, Counter.builder("erratum.review.sla.breaches")
                        .description("Review items that went past this SLA deadline, each counted once")
                        .tags("severity", severity.name(), "target", target.tag())
                        .register(registry));
            }
            breached.put(target, now);
            breaches.put(target, ever);
        }
        Gauge.builder("erratum.review.fix.verifications.pending", pendingVerifications, AtomicLong::get)
                .description("Items resolved as revised whose fix awaits enough votes to be verified")
                .register(registry);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::refresh, properties.refreshInterval());
    }

    void refresh() {
        countNewBreaches(clock.instant());
        recount();
    }

    /** One recount at a time, so a slow recount that started earlier never overwrites a newer one. */
    private synchronized void recount() {
        Instant now = clock.instant();
        Map<ItemState, Map<Severity, Long>> active = new EnumMap<>(ItemState.class);
        for (Document row : countBy(where("state").in(ItemState.ACTIVE), "state", "severity")) {
            Document key = row.get("_id", Document.class);
            active.computeIfAbsent(ItemState.valueOf(key.getString("state")), s -> new EnumMap<>(Severity.class))
                    .put(Severity.valueOf(key.getString("severity")), count(row));
        }
        // every cell is set, an emptied one to 0: a scrape never sees a half-cleared table
        items.forEach((state, bySeverity) -> bySeverity.forEach((severity, value) ->
                value.set(active.getOrDefault(state, Map.of()).getOrDefault(severity, 0L))));
        for (SlaTarget target : SlaTarget.values()) {
            Map<Severity, Long> late = new EnumMap<>(Severity.class);
            for (Document row : countBy(target.breachedAt(now), "severity")) {
                late.put(Severity.valueOf(row.getString("_id")), count(row));
            }
            breached.get(target).forEach((severity, value) -> value.set(late.getOrDefault(severity, 0L)));
        }
        // a pending fix's item is resolved, so in the history
        pendingVerifications.set(mongo.count(Query.query(where("verification.status")
                .is(ReviewItem.Verification.Status.PENDING)), ReviewItem.class, ItemHistory.COLLECTION));
    }

    private void countNewBreaches(Instant now) {
        for (SlaTarget target : SlaTarget.values()) {
            for (Severity severity : Severity.values()) {
                Query notYetCounted = Query.query(new Criteria().andOperator(target.breachedAt(now),
                        where("severity").is(severity), where(target.countedFlag()).ne(true)));
                long newly = mongo.updateMulti(notYetCounted, Update.update(target.countedFlag(), true),
                        ReviewItem.class).getModifiedCount();
                breaches.get(target).get(severity).increment(newly);
            }
        }
    }

    private Iterable<Document> countBy(Criteria criteria, String... fields) {
        return mongo.aggregate(Aggregation.newAggregation(Aggregation.match(criteria),
                Aggregation.group(fields).count().as(COUNT)), ReviewItem.class, Document.class);
    }

    private static long count(Document row) {
        return ((Number) row.get(COUNT)).longValue();
    }
}

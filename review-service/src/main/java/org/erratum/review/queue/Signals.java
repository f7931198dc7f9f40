package org.erratum.review.queue;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import org.erratum.events.ReportSubmitted;
import org.erratum.review.article.KnownArticle;
import org.erratum.review.article.KnownArticles;
import org.erratum.review.queue.ItemReports.Stored;
import org.erratum.review.queue.ReviewItem.HelpfulnessSignal;
import org.erratum.review.queue.ReviewItem.Report;
import org.erratum.review.queue.ReviewItem.RequestedReview;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Service;

/**
 * Signals joining the queue: readers' reports, low helpfulness, a clinical review falling due or asked for. Each
 * joins the article's active item, or opens one, so an article has one item of work at a time.
 */
@Service
public class Signals {

    private static final Logger log = LoggerFactory.getLogger(Signals.class);

    private final ItemStore store;
    private final ItemReports reports;
    private final MongoTemplate mongo;
    private final KnownArticles articles;
    private final QueueProperties properties;
    private final SlaProperties sla;
    private final QueueMetrics metrics;
    private final Clock clock;

    Signals(ItemStore store, ItemReports reports, MongoTemplate mongo, KnownArticles articles, QueueProperties properties,
            SlaProperties sla, QueueMetrics metrics, Clock clock) {
        this.store = store;
        this.reports = reports;
        this.mongo = mongo;
        this.articles = articles;
        this.properties = properties;
        this.sla = sla;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** A reader's report joins the article's active item, or opens one: {@link #addReports} for one report. */
    public void addReport(ReportSubmitted report) {
        addReports(List.of(new Arrival(report, Runnable::run)));
    }

    /**
     * A poll's reports join their articles' active items, or open them, a handful of store round trips for the poll:
     * one read for the reports stored already (a redelivery; those change nothing), one for the articles and one for
     * their items; then one bulk of the items' writes, each taking all its article's reports of the poll (at most
     * {@code report-sample} at a time), and one read of what they became ({@link ItemStore#writeAll}); one bulk insert
     * of the reports, and their items' events sent together. An item whose write lost to another writer's (a claim,
     * another instance) is written again on its own, decided on the item as it then stands.
     * Reports of one article arrive in order on one partition. The item counts a report first, then the report is
     * stored apart ({@link ItemReports} says how a crash between is closed, however the next polls are cut).
     * <p>
     * When taking them together fails, they are taken one at a time, each again from the start (what was written
     * stands, as after a crash), and the container is told which one fails, to retry it and then dead-letter it alone.
     *
     * @throws BatchListenerFailedException naming the report that failed, when taking them one at a time failed
     */
    public void addReports(List<Arrival> poll) {
        try {
            queue(poll);
            return;
        } catch (RuntimeException failed) {
            if (poll.size() == 1) {
                throw failed;
            }
            log.debug("Queueing a poll of {} reports at once failed; queueing them one at a time", poll.size(),
                    failed);
        }
        for (int index = 0; index < poll.size(); index++) {
            try {
                queue(List.of(poll.get(index)));
            } catch (RuntimeException failed) {
                throw new BatchListenerFailedException("Queueing report " + poll.get(index).report().eventId()
                        + " failed", failed, index);
            }
        }
    }

    private void queue(List<Arrival> poll) {
        Map<String, Arrival> fresh = new LinkedHashMap<>();
        poll.forEach(arrival -> fresh.putIfAbsent(arrival.report().eventId().toString(), arrival));
        Set<String> stored = reports.storedAmong(fresh.keySet());
        stored.forEach(eventId -> log.debug("Report {} already queued", eventId));
        fresh.keySet().removeAll(stored);
        if (fresh.isEmpty()) {
            return;
        }
        Map<String, Deque<Arrival>> pending = new LinkedHashMap<>();
        fresh.values().forEach(arrival -> pending.computeIfAbsent(arrival.report().articleId(),
                article -> new ArrayDeque<>()).add(arrival));
        Map<String, KnownArticle> known = articles.findAll(pending.keySet());
        Map<String, ReviewItem> items = itemsOf(pending.keySet());
        // counted before a crash, not stored: stored first, so that an item never holds more of its article's
        // reports counted and not stored than one write takes, all of them among its latest
        List<Stored> counted = new ArrayList<>();
        pending.forEach((articleId, arrivals) -> arrivals.removeIf(arrival -> countedAlready(items.get(articleId),
                arrival.report(), counted)));
        reports.insertAll(counted);
        pending.values().removeIf(Deque::isEmpty);
        while (!pending.isEmpty()) {
            List<Stored> joined = new ArrayList<>();
            List<ReviewItem> written = new ArrayList<>();
            List<Joining> joinings = new ArrayList<>();
            Instant now = clock.instant();
            for (Map.Entry<String, Deque<Arrival>> article : pending.entrySet()) {
                List<Arrival> taking = new ArrayList<>();
                while (taking.size() < properties.reportSample() && !article.getValue().isEmpty()) {
                    taking.add(article.getValue().poll());
                }
                ReviewItem current = items.get(article.getKey());
                Joining joining = joining(article.getKey(), current, taking,
                        Optional.ofNullable(known.get(article.getKey())), joined, now);
                if (joining == null) {
                    written.add(current);
                } else {
                    joinings.add(joining);
                }
            }
            List<ReviewItem> after = store.writeAll(joinings.stream().map(Joining::write).toList(), now);
            for (int i = 0; i < joinings.size(); i++) {
                Joining joining = joinings.get(i);
                ReviewItem item = after.get(i) != null && joining.shownBy(after.get(i))
                        ? joined(joining, after.get(i), joined)
                        : join(joining.articleId(), itemOf(joining.articleId()), joining.arrivals(),
                                joining.known(), joined);
                items.put(joining.articleId(), item);
                written.add(item);
            }
            reports.insertAll(joined);
            store.announcedAll(written);
            pending.values().removeIf(Deque::isEmpty);
        }
    }

    /** @return whether the item counted the report already (before a crash, or another handler did); then kept */
    private static boolean countedAlready(ReviewItem item, ReportSubmitted report, List<Stored> counted) {
        String eventId = report.eventId().toString();
        if (item == null || !item.hasLatest(eventId)) {
            return false;
        }
        log.info("Report {} was counted into item {} before a restart", eventId, item.id());
        counted.add(ItemReports.countedIn(item, eventId));
        return true;
    }

    /**
     * The reports join the article's active item, or open one, one write at a time until one is not preceded by
     * another writer's (the way a poll's item goes when its write in the poll's bulk lost).
     *
     * @param current the article's active item as read, or null when it has none
     * @param joined  gains the reports this call counted into the item, for storing
     * @return the item as written (or as it stands, when it had counted them all meanwhile)
     */
    private ReviewItem join(String articleId, ReviewItem current, List<Arrival> taking, Optional<KnownArticle> known,
            List<Stored> joined) {
        for (int attempt = 1; ; attempt++) {
            Joining joining = joining(articleId, current, taking, known, joined, clock.instant());
            if (joining == null) {
                return current;
            }
            ReviewItem written = written(joining.write(), joining.now());
            if (written != null) {
                return joined(joining, written, joined);
            }
            if (attempt == ItemStore.MAX_ATTEMPTS) {
                throw new IllegalStateException("Item of article " + articleId + " kept changing; will retry");
            }
            current = itemOf(articleId);
        }
    }

    private ReviewItem itemOf(String articleId) {
        return mongo.findOne(Query.query(where("groupKey").is(articleId)), ReviewItem.class);
    }

    /** The active items of these articles, by article: one read for a poll's articles. */
    private Map<String, ReviewItem> itemsOf(Collection<String> articleIds) {
        Map<String, ReviewItem> items = new HashMap<>();
        mongo.find(Query.query(where("groupKey").in(articleIds)), ReviewItem.class)
                .forEach(item -> items.put(item.groupKey(), item));
        return items;
    }

    /** @return the write's item as written, or null when another writer's write came first */
    private ReviewItem written(ItemStore.Write write, Instant now) {
        return write.item() == null
                ? store.open(write.articleId(), write.openedAtRevision(), write.update(), write.after(), now)
                : store.write(write.item(), write.update(), write.after(), List.of(), now);
    }

    /**
     * The one write in which the reports the item has not counted yet join the article's active item, or open one:
     * it sets severity, priority and SLA deadlines as one report after another would, and stores the event of each
     * report's joining. Its precondition is the state it was computed from, as for {@link #join(String, ReviewItem,
     * Signal, Optional)}.
     *
     * @param current the article's active item as read, or null when it has none
     * @param joined  gains the reports the item counted already, for storing
     * @return the write, or null when the item counted them all already
     */
    private Joining joining(String articleId, ReviewItem current, List<Arrival> taking, Optional<KnownArticle> known,
            List<Stored> joined, Instant now) {
        List<Arrival> joining = new ArrayList<>();
        for (Arrival arrival : taking) {
            if (!countedAlready(current, arrival.report(), joined)) {
                joining.add(arrival);
            }
        }
        if (joining.isEmpty()) {
            return null;
        }
        int count = current == null ? 0 : current.reportCount();
        Severity severity = current == null ? null : current.severity();
        Instant claimDue = current == null ? null : current.claimDueAt();
        Instant resolveDue = current == null ? null : current.resolveDueAt();
        ItemEvent event = current == null ? ItemEvent.opening() : ItemEvent.after(current);
        List<ItemEvent> events = new ArrayList<>();
        Map<String, Integer> categories = new LinkedHashMap<>();
        List<Report> entries = new ArrayList<>();
        int asking = 0;
        for (Arrival arrival : joining) {
            ReportSubmitted report = arrival.report();
            Report entry = new Report(report.eventId().toString(), report.revision(), report.category(),
                    report.passage(), report.comment(), report.occurredAt(), report.outcomeRequested());
            count++;
            severity = Severity.of(report.category(), count, properties.highAtReports()).atLeast(severity);
            claimDue = sla.claimDue(severity, now, claimDue);
            resolveDue = sla.resolveDue(severity, now, resolveDue);
            events.add(event.joined(entry, count, severity, resolveDue).copy());
            categories.merge("categories." + report.category().name(), 1, Integer::sum);
            entries.add(entry);
            asking += report.outcomeRequested() ? 1 : 0;
        }
        Update update = new Update()
                .set("reportCount", count)
                .addToSet("sources", Source.READER_REPORT)
                .set("severity", severity)
                .set("priority", properties.priority(severity, count, daysOverdue(known),
                        deficit(current == null ? null : current.helpfulness())))
                .set("claimDueAt", claimDue)
                .set("resolveDueAt", resolveDue);
        categories.forEach(update::inc);
        update.addToSet("reportedRevisions").each(entries.stream().map(Report::revision).distinct().toArray());
        update.push("latestReports").slice(-properties.reportSample()).each(entries.toArray());
        if (asking > 0) {
            update.inc("readersAsking", asking);
        }
        return new Joining(joining, known, now, new ItemStore.Write(current, articleId,
                known.map(KnownArticle::revision).orElse(null), update, events));
    }

    /** The joining is written: logged, counted, and its reports handed on for storing. */
    private ReviewItem joined(Joining joining, ReviewItem written, List<Stored> joined) {
        if (joining.current() == null) {
            metrics.opened(Source.READER_REPORT);
        }
        for (int i = 0; i < joining.arrivals().size(); i++) {
            String verb = joining.current() == null && i == 0 ? "opened" : "joined";
            // ids and the source only, never reader text; the line's trace id leads back to the reader's request
            joining.arrivals().get(i).inItsTrace().accept(() -> log.info("Review item {} for article {}: {} {} it",
                    written.id(), joining.articleId(), Source.READER_REPORT, verb));
            joined.add(ItemReports.countedIn(written, joining.arrivals().get(i).report().eventId().toString()));
        }
        return written;
    }

    /**
     * The article's clinical review is due (or nearly): its active item gains that source, or a LOW item opens.
     * Idempotent, and safe when several instances scan at once.
     *
     * @return whether this call flagged it
     */
    public boolean flagReviewDue(String articleId) {
        if (mongo.exists(Query.query(where("groupKey").is(articleId).and("sources").is(Source.REVIEW_DUE)),
                ReviewItem.class)) {
            return false;
        }
        joinAlone(articleId, new Signal(Source.REVIEW_DUE, null, count -> Severity.LOW, update -> {
        }));
        return true;
    }

    /**
     * An editor asked that the article be reviewed now, saying why: its active item gains the REVIEW_DUE source and
     * the reason, or a LOW item opens with them. The request is recognised by its time, so the same request arriving
     * again (a redelivery, a restart before it was marked handled) adds nothing.
     *
     * @return whether this call added it
     */
    public boolean requestReview(String articleId, RequestedReview request) {
        if (mongo.exists(Query.query(where("groupKey").is(articleId).and("reviewRequests.at").is(request.at())),
                ReviewItem.class)) {
            return false;
        }
        joinAlone(articleId, new Signal(Source.REVIEW_DUE, null, count -> Severity.LOW,
                update -> update.push("reviewRequests", request)));
        return true;
    }

    /**
     * Readers find these articles' current revisions unhelpful (a poll's verdicts): each article's item gains that
     * source with the latest measurement, or opens, in a handful of store round trips for the poll, as a poll's
     * reports join: one read of the articles and one of their items, one bulk of the items' writes and one read of
     * what they became ({@link ItemStore#writeAll}), then all their events sent together and awaited. An item whose
     * write lost to another writer's (a claim, another instance) is written again on its own, decided on the item as
     * it then stands.
     *
     * @param flags each article's measurement of its current revision
     */
    public void flagAllLowHelpfulness(Map<String, HelpfulnessSignal> flags) {
        if (flags.isEmpty()) {
            return;
        }
        Map<String, KnownArticle> known = articles.findAll(flags.keySet());
        Map<String, ReviewItem> items = itemsOf(flags.keySet());
        Instant now = clock.instant();
        List<ItemStore.Write> writes = new ArrayList<>();
        List<Signal> signals = new ArrayList<>();
        flags.forEach((articleId, measured) -> {
            Signal signal = new Signal(Source.LOW_HELPFULNESS, measured, count -> Severity.NORMAL,
                    update -> update.set("helpfulness", measured));
            signals.add(signal);
            writes.add(write(articleId, items.get(articleId), signal, Optional.ofNullable(known.get(articleId)), now));
        });
        List<ReviewItem> after = store.writeAll(writes, now);
        List<ReviewItem> written = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            ItemStore.Write write = writes.get(i);
            Signal signal = signals.get(i);
            // the item as read back shows this measurement: this write's (or a writer's before it); else it lost
            written.add(after.get(i) != null && signal.helpfulness().equals(after.get(i).helpfulness())
                    ? signalled(write.articleId(), signal.source(), write.item(), after.get(i))
                    : join(write.articleId(), itemOf(write.articleId()), signal,
                            Optional.ofNullable(known.get(write.articleId()))));
        }
        store.announcedAll(written);
    }

    /** {@link #join(String, ReviewItem, Signal, Optional)} for one signal, announced on its own. */
    private void joinAlone(String articleId, Signal signal) {
        store.announced(join(articleId, itemOf(articleId), signal, articles.find(articleId)));
    }

    /**
     * Adds a signal other than a report to the article's active item, or opens one, in one atomic write that also
     * sets severity, priority and SLA deadlines, and stores the event announcing the result. The write's
     * precondition is the state it was computed from: an update matches only the item at the version read, an
     * insert collides with the unique group key; either way the item is read again and the write recomputed.
     *
     * @param current the article's active item as read, or null when it has none
     * @return the item as written, its event not announced yet
     */
    private ReviewItem join(String articleId, ReviewItem current, Signal signal, Optional<KnownArticle> known) {
        for (int attempt = 1; ; attempt++) {
            Instant now = clock.instant();
            ReviewItem written = written(write(articleId, current, signal, known, now), now);
            if (written != null) {
                return signalled(articleId, signal.source(), current, written);
            }
            if (attempt == ItemStore.MAX_ATTEMPTS) {
                throw new IllegalStateException("Item of article " + articleId + " kept changing; will retry");
            }
            current = itemOf(articleId);
        }
    }

    /** The signal's write on the article's item as read ({@code current}), or its opening when that is null. */
    private ItemStore.Write write(String articleId, ReviewItem current, Signal signal, Optional<KnownArticle> known,
            Instant now) {
        int reports = current == null ? 0 : current.reportCount();
        Severity severity = signal.severity().apply(reports).atLeast(current == null ? null : current.severity());
        Instant resolveDue = sla.resolveDue(severity, now, current == null ? null : current.resolveDueAt());
        Update update = new Update()
                .set("reportCount", reports)
                .addToSet("sources", signal.source())
                .set("severity", severity)
                .set("priority", properties.priority(severity, reports, daysOverdue(known),
                        deficit(signal.helpfulness() != null ? signal.helpfulness()
                                : current == null ? null : current.helpfulness())))
                .set("claimDueAt", sla.claimDue(severity, now, current == null ? null : current.claimDueAt()))
                .set("resolveDueAt", resolveDue);
        signal.details().accept(update);
        ItemEvent after = (current == null ? ItemEvent.opening() : ItemEvent.after(current))
                .joined(null, reports, severity, resolveDue);
        return new ItemStore.Write(current, articleId, known.map(KnownArticle::revision).orElse(null), update,
                List.of(after));
    }

    /** The signal joined the item, or opened it: counted and logged. */
    private ReviewItem signalled(String articleId, Source source, ReviewItem current, ReviewItem written) {
        if (current == null) {
            metrics.opened(source);
        }
        // ids and the source only, never reader text; the line's trace id leads back to the reader's request
        log.info("Review item {} for article {}: {} {} it", written.id(), articleId, source,
                current == null ? "opened" : "joined");
        return written;
    }

    private static double deficit(HelpfulnessSignal helpfulness) {
        return helpfulness == null ? 0 : helpfulness.deficit();
    }

    private long daysOverdue(Optional<KnownArticle> article) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return article.map(KnownArticle::nextReviewDue).map(due -> ChronoUnit.DAYS.between(due, today)).orElse(0L);
    }

    /**
     * Reports joining an article's item in one write, decided on the item as read.
     *
     * @param arrivals the reports the write counts, those the item had not counted yet
     */
    private record Joining(List<Arrival> arrivals, Optional<KnownArticle> known, Instant now, ItemStore.Write write) {

        String articleId() {
            return write.articleId();
        }

        /** The item as read, or null when the write opens it. */
        ReviewItem current() {
            return write.item();
        }

        /**
         * Whether the item as read back after the write shows all its reports: then they are counted (by this write,
         * or by another handler's that came first); else this write lost to another writer's.
         */
        boolean shownBy(ReviewItem item) {
            return arrivals.stream().allMatch(arrival -> item.hasLatest(arrival.report().eventId().toString()));
        }
    }

    /**
     * A signal other than a report, as it joins an item.
     *
     * @param helpfulness the measurement it brings, if any; else the item's stands in its priority
     * @param severity    the severity it asks for, given the item's report count
     * @param details     what it adds to the item besides
     */
    private record Signal(Source source, HelpfulnessSignal helpfulness, IntFunction<Severity> severity,
            Consumer<Update> details) {
    }

    /**
     * A report as it came: what it says, and how to continue the trace its record carries, for the lines logged
     * about it.
     */
    public record Arrival(ReportSubmitted report, Consumer<Runnable> inItsTrace) {
    }
}

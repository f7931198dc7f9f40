package org.erratum.review.queue;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import org.erratum.events.ReportSubmitted;
import org.erratum.review.article.KnownArticle;
import org.erratum.review.article.KnownArticles;
import org.erratum.review.queue.ItemStore.Change;
import org.erratum.review.queue.ReviewItem.HelpfulnessSignal;
import org.erratum.review.queue.ReviewItem.Report;
import org.erratum.review.queue.ReviewItem.RequestedReview;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
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

    /**
     * A reader's report joins the article's active item, or opens one. Reports of one article arrive in order on
     * one partition; a redelivered report is recognised by its event id and changes nothing. The item counts the
     * report first, then the report is stored apart ({@link ItemReports} says how a crash between is closed).
     */
    public void addReport(ReportSubmitted report) {
        String eventId = report.eventId().toString();
        if (reports.stored(eventId)) {
            log.debug("Report {} already queued", eventId);
            return;
        }
        Report entry = new Report(eventId, report.revision(), report.category(), report.passage(), report.comment(),
                report.occurredAt(), report.outcomeRequested());
        ReviewItem counted = join(report.articleId(), Source.READER_REPORT, entry, null,
                count -> Severity.of(report.category(), count, properties.highAtReports()),
                update -> {
                    update.inc("categories." + report.category().name(), 1)
                            .addToSet("reportedRevisions", report.revision())
                            .push("latestReports").slice(-properties.reportSample()).each(entry);
                    if (report.outcomeRequested()) {
                        update.inc("readersAsking", 1);
                    }
                });
        reports.store(counted, report.articleId(), eventId);
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
        join(articleId, Source.REVIEW_DUE, null, null, count -> Severity.LOW, update -> {
        });
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
        join(articleId, Source.REVIEW_DUE, null, null, count -> Severity.LOW,
                update -> update.push("reviewRequests", request));
        return true;
    }

    /** Readers find the article's current revision unhelpful: its item gains that source, with the measurement. */
    public void flagLowHelpfulness(String articleId, HelpfulnessSignal signal) {
        join(articleId, Source.LOW_HELPFULNESS, null, signal, count -> Severity.NORMAL,
                update -> update.set("helpfulness", signal));
    }

    /**
     * Adds a signal to the article's active item, or opens one, in one atomic write that also sets severity,
     * priority and SLA deadlines, and stores the event announcing the result. The write's precondition is the state
     * it was computed from: an update matches only the item at the version read, an insert collides with the unique
     * group key; either way the loop recomputes.
     *
     * @param report the report that joins, or null when another signal does
     * @return the item as written; with a report the item counted already (see {@link ItemReports}), as it stands
     */
    private ReviewItem join(String articleId, Source source, Report report, HelpfulnessSignal helpfulness,
            IntFunction<Severity> signal, Consumer<Update> details) {
        for (int attempt = 1; ; attempt++) {
            ReviewItem current = mongo.findOne(Query.query(where("groupKey").is(articleId)), ReviewItem.class);
            if (report != null && current != null && current.hasLatest(report.eventId())) {
                log.info("Report {} was counted into item {} before a restart", report.eventId(), current.id());
                return current;
            }
            int reports = (current == null ? 0 : current.reportCount()) + (report == null ? 0 : 1);
            Severity severity = signal.apply(reports).atLeast(current == null ? null : current.severity());
            Instant now = clock.instant();
            Instant resolveDue = sla.resolveDue(severity, now, current == null ? null : current.resolveDueAt());
            Update update = new Update()
                    .set("reportCount", reports)
                    .addToSet("sources", source)
                    .set("severity", severity)
                    .set("priority", properties.priority(severity, reports, daysOverdue(articleId),
                            deficit(helpfulness != null ? helpfulness : current == null ? null : current.helpfulness())))
                    .set("claimDueAt", sla.claimDue(severity, now, current == null ? null : current.claimDueAt()))
                    .set("resolveDueAt", resolveDue);
            details.accept(update);
            ItemEvent after = (current == null ? ItemEvent.opening() : ItemEvent.after(current))
                    .joined(report, reports, severity, resolveDue);
            ReviewItem written = current == null
                    ? store.open(articleId, articles.find(articleId).map(KnownArticle::revision).orElse(null), update,
                            after, now)
                    : store.write(current, new Change(update, after, List.of()), now);
            if (written != null) {
                if (current == null) {
                    metrics.opened(source);
                }
                // ids and the source only, never reader text; the line's trace id leads back to the reader's request
                log.info("Review item {} for article {}: {} {} it", written.id(), articleId, source,
                        current == null ? "opened" : "joined");
                return store.announced(written);
            }
            if (attempt == ItemStore.MAX_ATTEMPTS) {
                throw new IllegalStateException("Item of article " + articleId + " kept changing; will retry");
            }
        }
    }

    private static double deficit(HelpfulnessSignal helpfulness) {
        return helpfulness == null ? 0 : helpfulness.deficit();
    }

    private long daysOverdue(String articleId) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return articles.find(articleId).map(KnownArticle::nextReviewDue)
                .map(due -> ChronoUnit.DAYS.between(due, today))
                .orElse(0L);
    }
}

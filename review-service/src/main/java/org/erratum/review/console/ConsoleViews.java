package org.erratum.review.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.erratum.events.ArticleChanged;
import org.erratum.platform.web.Problems;
import org.erratum.review.article.KnownArticle;
import org.erratum.review.article.KnownArticles;
import org.erratum.review.article.RevisionText;
import org.erratum.review.console.ItemPage.Block;
import org.erratum.review.console.ItemPage.Entry;
import org.erratum.review.console.ItemPage.Helpfulness;
import org.erratum.review.console.ItemPage.ReportEntry;
import org.erratum.review.console.ItemPage.Resolved;
import org.erratum.review.console.ItemPage.Revision;
import org.erratum.review.console.ItemPage.Section;
import org.erratum.review.console.ItemPage.Trend;
import org.erratum.review.console.ItemPage.TrendRevision;
import org.erratum.review.console.ItemPage.TrendWeek;
import org.erratum.review.helpfulness.HelpfulnessTrend;
import org.erratum.review.helpfulness.HelpfulnessTrends;
import org.erratum.review.helpfulness.RevisionHelpfulness;
import org.erratum.review.helpfulness.VerificationProperties;
import org.erratum.review.queue.ReviewItem;
import org.erratum.review.queue.ReviewItem.Report;
import org.erratum.review.queue.ItemQueries;
import org.erratum.review.queue.Severity;
import org.erratum.review.queue.Staff;
import org.erratum.review.signoff.SignOff;
import org.erratum.review.signoff.SignOffs;
import org.springframework.stereotype.Component;

/** Builds the console's pages from the queue and the articles the review service knows. */
@Component
class ConsoleViews {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final ItemQueries items;
    private final KnownArticles articles;
    private final HelpfulnessTrends trends;
    private final RevisionHelpfulness helpfulness;
    private final VerificationProperties verification;
    private final SignOffs signOffs;
    private final ConsoleProperties properties;
    private final Clock clock;

    ConsoleViews(ItemQueries items, KnownArticles articles, HelpfulnessTrends trends, RevisionHelpfulness helpfulness,
            VerificationProperties verification, SignOffs signOffs, ConsoleProperties properties, Clock clock) {
        this.items = items;
        this.articles = articles;
        this.trends = trends;
        this.helpfulness = helpfulness;
        this.verification = verification;
        this.signOffs = signOffs;
        this.properties = properties;
        this.clock = clock;
    }

    /** @param page from 1, the most pressing */
    QueuePage queue(QueueFilter filter, int page) {
        Instant now = clock.instant();
        Map<String, String> titles = new HashMap<>();
        ItemQueries.Page<ReviewItem> found = items.list(filter.wanted(now), page, properties.queuePageSize());
        List<QueuePage.Row> rows = found.entries().stream()
                .map(item -> row(item, titles.computeIfAbsent(item.articleId(), this::titleOf), now))
                .toList();
        return QueuePage.of(filter, rows, ItemPage.Paging.of(found), properties.queuePageSize());
    }

    private static QueuePage.Row row(ReviewItem item, String title, Instant now) {
        List<SlaBadge> badges = SlaBadge.of(item, now);
        return new QueuePage.Row(item.id(), title, Labels.of(item.severity()), severityClass(item.severity()),
                sources(item), item.reportCount(), Labels.of(item.state()), item.claimedBy(), age(item, now),
                When.of(item.createdAt()), badges, SlaBadge.anyBreached(badges), item.reopenedAfterFailedFix(),
                item.latestReviewRequest() == null ? null : item.latestReviewRequest().reason());
    }

    /**
     * @param requestedRevision the revision to show; by default the one the latest report refers to
     * @param reportsPage       which page of the reports to show, newest first, from 1
     * @param activityPage      which page of the activity log to show, the latest first, from 1
     */
    ItemPage item(String id, Integer requestedRevision, int reportsPage, int activityPage, Staff me) {
        Instant now = clock.instant();
        ReviewItem item = items.get(id);
        Optional<KnownArticle> article = articles.find(item.articleId());
        ItemQueries.Page<Report> page = items.reports(item, reportsPage);
        List<Report> reports = page.entries();
        ItemQueries.Page<ReviewItem.Activity> log = items.activity(item, activityPage);
        Integer shownNumber = requestedRevision != null ? requestedRevision : defaultRevision(item, article);
        Revision shown = shownNumber == null ? null : revision(item.articleId(), shownNumber, reports);
        List<SlaBadge> badges = SlaBadge.of(item, now);
        Actions actions = Actions.of(item, me, now);
        return new ItemPage(item.id(), item.articleId(), article.map(KnownArticle::title).orElse(item.articleId()),
                article.map(KnownArticle::revision).orElse(null), Labels.of(item.state()),
                Labels.of(item.severity()), severityClass(item.severity()), sources(item), item.reportCount(),
                item.claimedBy(), When.of(item.leaseExpiresAt()), item.escalated(), When.of(item.createdAt()),
                age(item, now), badges, shown, revisionsOf(item, article),
                reports.stream().map(report -> entry(report, shown)).toList(),
                ItemPage.Paging.of(page), helpfulness(item),
                trend(item.articleId(), article.map(KnownArticle::revision).orElse(null)), activity(log.entries()),
                ItemPage.Paging.of(log),
                resolved(item), actions, sinceReadersSaw(item, article), notice(item),
                actions.correct() ? properties.editorUrl(item.articleId(), item.id()) : null, answer(item),
                verification(item),
                item.reviewRequests().stream()
                        .map(request -> new ItemPage.Requested(request.reason(), request.by(), When.of(request.at())))
                        .toList(),
                item.readersToBeTold());
    }

    /** While pending, the fixed revision's votes so far: read when the page is, never per vote. */
    private ItemPage.Verification verification(ReviewItem item) {
        ReviewItem.Verification v = item.verification();
        if (v == null) {
            return null;
        }
        boolean pending = v.status() == ReviewItem.Verification.Status.PENDING;
        return new ItemPage.Verification(v.status().name().toLowerCase(Locale.ROOT).replace('_', '-'), v.revision(),
                v.readersSaw(), pending ? helpfulness.of(item.articleId(), v.revision()).total() : v.fixed().votes(),
                verification.minVotes(), v.measurement());
    }

    /**
     * From the revision readers saw (the earliest one reported, else the one measured unhelpful, else the one the
     * item opened at) to the article's current revision.
     */
    private RevisionDiff sinceReadersSaw(ReviewItem item, Optional<KnownArticle> article) {
        Integer measured = item.helpfulness() == null ? null : item.helpfulness().revision();
        Integer seen = item.reportedRevisions().stream().min(Integer::compare)
                .orElse(measured != null ? measured : item.openedAtRevision());
        return seen == null || article.isEmpty() ? null : diff(item.articleId(), seen, article.get().revision());
    }

    /** @param from the older revision; null to show everything as new */
    private RevisionDiff diff(String articleId, Integer from, int to) {
        Optional<RevisionText> before = from == null ? Optional.empty() : articles.revision(articleId, from);
        Optional<RevisionText> after = articles.revision(articleId, to);
        if (after.isEmpty() || from != null && before.isEmpty()) {
            return RevisionDiff.unavailable(from, to);
        }
        return RevisionDiff.between(before.orElse(null), after.get());
    }

    private static ItemPage.Notice notice(ReviewItem item) {
        ReviewItem.SafetyNotice notice = item.safetyNotice();
        return notice == null ? null : new ItemPage.Notice(notice.text(), notice.by(), When.of(notice.at()));
    }

    /** A revision whose fix readers already judged is no answer any more: the reopened item needs a new one. */
    private ItemPage.Answer answer(ReviewItem item) {
        return articles.latestAnswering(item.id())
                .filter(revision -> revision.articleId().equals(item.articleId()))
                .filter(revision -> item.verification() == null
                        || item.verification().revision() != revision.revision())
                .map(revision -> new ItemPage.Answer(revision.revision(), revision.changeSummary()))
                .orElse(null);
    }

    /** The revision the latest reader saw, else the one measured unhelpful, else the article as it stands. */
    private static Integer defaultRevision(ReviewItem item, Optional<KnownArticle> article) {
        if (!item.latestReports().isEmpty()) {
            return item.latestReports().get(item.latestReports().size() - 1).revision();
        }
        if (item.helpfulness() != null) {
            return item.helpfulness().revision();
        }
        return article.map(KnownArticle::revision).orElse(null);
    }

    private static List<Integer> revisionsOf(ReviewItem item, Optional<KnownArticle> article) {
        TreeSet<Integer> revisions = new TreeSet<>(item.reportedRevisions());
        if (item.helpfulness() != null) {
            revisions.add(item.helpfulness().revision());
        }
        article.ifPresent(known -> revisions.add(known.revision()));
        return List.copyOf(revisions);
    }

    /** The passages highlighted are those of the reports on the page, so each report's note tells where its is. */
    private Revision revision(String articleId, int number, List<Report> reports) {
        List<String> passages = reports.stream().filter(report -> report.revision() == number)
                .map(Report::passage).filter(Objects::nonNull).toList();
        return articles.revision(articleId, number)
                .map(text -> highlighted(text, passages))
                .orElseGet(() -> new Revision(number, false, List.of(), List.of(), List.of(), Set.of()));
    }

    /** The revision's texts are searched together, in reading order, then put back into its structure. */
    private static Revision highlighted(RevisionText text, List<String> passages) {
        List<ArticleChanged.Section> sections = text.sections() == null ? List.of() : text.sections();
        List<String> texts = new ArrayList<>(List.of(nullToEmpty(text.title()), nullToEmpty(text.summary())));
        for (ArticleChanged.Section section : sections) {
            texts.add(section.heading());
            collectTexts(section.blocks(), texts);
        }
        Highlighter.Highlights highlights = Highlighter.highlight(texts, passages);
        Iterator<List<Segment>> runs = highlights.texts().iterator();
        List<Segment> title = runs.next();
        List<Segment> summary = runs.next();
        List<Section> shown = new ArrayList<>();
        for (ArticleChanged.Section section : sections) {
            shown.add(new Section(runs.next(), blocks(section.blocks(), runs)));
        }
        return new Revision(text.revision(), true, title, summary, List.copyOf(shown), highlights.found());
    }

    private static void collectTexts(List<ArticleChanged.Block> blocks, List<String> into) {
        for (ArticleChanged.Block block : blocks) {
            into.add(block.text());
            collectTexts(block.blocks(), into);
        }
    }

    /** In the order {@link #collectTexts} read them. */
    private static List<Block> blocks(List<ArticleChanged.Block> blocks, Iterator<List<Segment>> runs) {
        List<Block> shown = new ArrayList<>();
        for (ArticleChanged.Block block : blocks) {
            List<Segment> text = runs.next();
            shown.add(new Block(block.type().name(), text, blocks(block.blocks(), runs)));
        }
        return List.copyOf(shown);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static ReportEntry entry(Report report, Revision shown) {
        return new ReportEntry(Labels.of(report.category()), report.passage(), report.comment(), report.revision(),
                When.of(report.at()), passageNote(report, shown));
    }

    private static String passageNote(Report report, Revision shown) {
        if (report.passage() == null || report.passage().isBlank() || shown == null) {
            return null;
        }
        if (report.revision() != shown.number()) {
            return "Quoted from revision " + report.revision() + ", not the one shown.";
        }
        if (!shown.available()) {
            return null;
        }
        return shown.found().contains(report.passage()) ? "Highlighted in the text below."
                : "Not found word for word in this revision.";
    }

    private static Helpfulness helpfulness(ReviewItem item) {
        ReviewItem.HelpfulnessSignal signal = item.helpfulness();
        return signal == null ? null : new Helpfulness(signal.revision(),
                String.format(Locale.ROOT, "%.2f", signal.score()), signal.votes(),
                String.format(Locale.ROOT, "%.2f", signal.threshold()));
    }

    private Trend trend(String articleId, Integer currentRevision) {
        return trends.of(articleId).map(trend -> new Trend(
                trend.revisions().stream().map(r -> trendRevision(r, currentRevision)).toList(),
                trend.weeks().stream().map(ConsoleViews::trendWeek).toList())).orElse(null);
    }

    private static TrendRevision trendRevision(HelpfulnessTrend.RevisionVotes votes, Integer currentRevision) {
        return new TrendRevision(votes.revision(), Objects.equals(votes.revision(), currentRevision), votes.yes(),
                votes.no(), votes.helpfulPercent() + "%", String.format(Locale.ROOT, "%.2f", votes.score()));
    }

    /** A week without votes has no helpful share: "0%" would read as if every reader had said no. */
    private static TrendWeek trendWeek(HelpfulnessTrend.WeekVotes week) {
        LocalDate monday = week.startsOn();
        return new TrendWeek(monday.toString(), DAY.format(monday), week.votes(),
                week.votes() == 0 ? null : week.helpfulPercent() + "%", week.helpfulPercent());
    }

    private static List<Entry> activity(List<ReviewItem.Activity> lines) {
        return lines.stream().map(a -> new Entry(a.action(), a.by(), When.of(a.at()), a.detail())).toList();
    }

    private static Resolved resolved(ReviewItem item) {
        ReviewItem.Resolution r = item.resolution();
        return r == null ? null : new Resolved(Labels.of(r.outcome()), r.revision(), r.summary(), r.publicReason(),
                r.duplicateOf(), r.by(), When.of(r.at()));
    }

    /** What changed since the last clinical sign-off, and the whole article a new one vouches for. */
    SignOffPage signOff(String articleId, String itemId) {
        KnownArticle article = articles.find(articleId).orElseThrow(() -> Problems.notFound("Article " + articleId));
        Integer lastSignedOff = signOffs.latest(articleId).map(SignOff::revision).orElse(null);
        Revision whole = articles.revision(articleId, article.revision())
                .map(text -> highlighted(text, List.of()))
                .orElseGet(() -> new Revision(article.revision(), false, List.of(), List.of(), List.of(), Set.of()));
        return new SignOffPage(article.id(), article.title(), article.revision(), When.of(article.lastReviewedAt()),
                article.lastReviewedBy() == null ? null
                        : article.lastReviewedBy().name() + ", " + article.lastReviewedBy().credentials(),
                article.nextReviewDue() == null ? null : article.nextReviewDue().toString(), itemId, lastSignedOff,
                diff(articleId, lastSignedOff, article.revision()), whole);
    }

    private String titleOf(String articleId) {
        return articles.find(articleId).map(KnownArticle::title).orElse(articleId);
    }

    private static List<String> sources(ReviewItem item) {
        return item.sources() == null ? List.of() : item.sources().stream().sorted().map(Labels::of).toList();
    }

    private static String age(ReviewItem item, Instant now) {
        return item.createdAt() == null ? "" : Ages.describe(Duration.between(item.createdAt(), now));
    }

    private static String severityClass(Severity severity) {
        return severity == null ? "" : "severity-" + severity.name().toLowerCase(Locale.ROOT);
    }
}

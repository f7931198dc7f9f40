package org.erratum.feedback.readout;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.erratum.events.ReportSubmitted.Category;
import org.erratum.feedback.article.ArticleHistory;
import org.erratum.feedback.article.ArticleHistory.PublishedRevision;
import org.erratum.feedback.article.ArticlePages;
import org.erratum.feedback.article.ArticleProjection;
import org.erratum.feedback.readout.ArticleInsightPage.LatestReport;
import org.erratum.feedback.readout.ArticleInsightPage.RevisionLine;
import org.erratum.feedback.readout.ArticleInsightPage.WeekLine;
import org.erratum.feedback.readout.ArticleInsightPage.WindowLine;
import org.erratum.feedback.readout.ArticleReports.WindowCount;
import org.erratum.feedback.readout.OverviewPage.ExportForm;
import org.erratum.feedback.readout.OverviewPage.HelpfulnessLine;
import org.erratum.feedback.readout.OverviewPage.ReportLine;
import org.erratum.feedback.readout.OverviewPage.WindowOption;
import org.erratum.feedback.report.Report;
import org.erratum.feedback.vote.VoteTallies;
import org.erratum.feedback.vote.VoteTallies.DayVotes;
import org.erratum.feedback.vote.VoteTallies.RevisionVotes;
import org.erratum.platform.helpfulness.SmoothedHelpfulness;
import org.erratum.platform.web.Problems;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** Builds what the editorial pages show from the readouts and the tallies. */
@Component
class EditorialPages {

    /** Colour-blind-safe colours (Okabe and Ito), one per category; every bar also has a dark outline. */
    private static final Map<Category, String> CATEGORY_FILLS = Map.of(
            Category.INACCURATE, "#0072b2", Category.OUT_OF_DATE, "#e69f00",
            Category.QUESTIONABLE_SOURCE, "#56b4e9", Category.BROKEN_REFERENCE, "#009e73",
            Category.SAFETY_CONCERN, "#d55e00", Category.OTHER, "#cc79a7");
    private static final String SCORE_FILL = "#0b4f9c";
    private static final List<Category> CATEGORIES = List.of(Category.values());
    private static final List<BarChart.Series> CATEGORY_SERIES = CATEGORIES.stream()
            .map(c -> new BarChart.Series(Figures.category(c), CATEGORY_FILLS.get(c))).toList();

    private final LeastHelpfulArticles leastHelpful;
    private final RecentReports recentReports;
    private final ArticleProjection articles;
    private final ArticlePages articlePages;
    private final VoteTallies tallies;
    private final ReadoutProperties properties;
    private final SmoothedHelpfulness smoothing;
    private final Clock clock;

    EditorialPages(LeastHelpfulArticles leastHelpful, RecentReports recentReports, ArticleProjection articles,
            ArticlePages articlePages, VoteTallies tallies, ReadoutProperties properties,
            SmoothedHelpfulness smoothing, Clock clock) {
        this.leastHelpful = leastHelpful;
        this.recentReports = recentReports;
        this.articles = articles;
        this.articlePages = articlePages;
        this.tallies = tallies;
        this.properties = properties;
        this.smoothing = smoothing;
        this.clock = clock;
    }

    /** Where the content service's editor screens start. */
    String editorUrl() {
        return UriComponentsBuilder.fromUri(properties.editorBaseUrl()).pathSegment("editor").build().toUriString();
    }

    /** An empty export form for the last 30 days, today included. */
    ExportForm exportForm() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return new ExportForm(today.minusDays(ReportWindow.LAST_30_DAYS.days() - 1).toString(), today.toString(),
                null);
    }

    OverviewPage overview(ReportWindow window, ExportForm export) {
        List<ArticleHelpfulness> least = leastHelpful.list(properties.defaultLimit());
        List<HelpfulnessLine> lines = least.stream().map(a -> new HelpfulnessLine(titleOf(a.title(), a.articleId()),
                insightPath(a.articleId()), publicUrl(a.slug()), a.revision(), a.yes(), a.no(),
                Figures.share(a.yes(), a.no()), Figures.score(a.score()))).toList();
        BarChart leastChart = lines.isEmpty() ? null : BarChart.of("least-helpful-chart",
                "Least helpful articles: smoothed score of the current revision",
                "Horizontal bars from 0 to 1, lowest score first: " + lines.stream()
                        .map(l -> l.title() + " " + l.score()).collect(Collectors.joining("; "))
                        + ". The table after the chart gives every figure.",
                List.of(new BarChart.Series("Smoothed score", SCORE_FILL)),
                least.stream().map(a -> new BarChart.Input(titleOf(a.title(), a.articleId()), List.of(a.score()),
                        Figures.score(a.score()))).toList(),
                1.0, Figures::score, Figures::score);

        ArticleReports reported = recentReports.perArticle(List.of(window), properties.defaultLimit());
        List<ReportLine> reports = reported.articles().stream().map(a -> {
            WindowCount count = a.windows().get(0);
            return new ReportLine(titleOf(a.title(), a.articleId()), insightPath(a.articleId()), publicUrl(a.slug()),
                    count.reports(), CATEGORIES.stream().map(count.categories()::get).toList());
        }).toList();
        BarChart reportsChart = reports.isEmpty() ? null : BarChart.of("reports-chart",
                "Reports per article in the last " + window.days() + " days, by category",
                "Horizontal bars, most reported first, each split by category: " + reports.stream()
                        .map(r -> r.title() + " " + r.total()).collect(Collectors.joining("; "))
                        + ". The table after the chart gives every figure.",
                CATEGORY_SERIES, reports.stream().map(r -> new BarChart.Input(r.title(),
                        r.categories().stream().map(Long::doubleValue).toList(), Long.toString(r.total()))).toList(),
                reports.stream().mapToLong(ReportLine::total).max().orElse(0), EditorialPages::countTick,
                EditorialPages::count);
        List<WindowOption> windows = Arrays.stream(ReportWindow.values())
                .map(w -> new WindowOption(w.days(), w == window)).toList();
        return new OverviewPage(lines, leastChart, window.days(), windows, categoryNames(), reports, reportsChart,
                CATEGORY_SERIES, export);
    }

    /** @throws org.springframework.web.ErrorResponseException 404 for an article this service does not know */
    ArticleInsightPage article(String articleId) {
        ArticleHistory history = articles.history(articleId)
                .orElseThrow(() -> Problems.notFound("Article " + articleId));
        String title = titleOf(history.title(), articleId);
        Map<Integer, PublishedRevision> published = history.revisions().stream()
                .collect(Collectors.toMap(PublishedRevision::revision, Function.identity()));
        List<RevisionLine> revisions = tallies.perRevision(articleId, history.revision()).stream()
                .map(votes -> revisionLine(votes, published.get(votes.revision()), history.revision()))
                .toList();

        List<TrendChart.WeekVotes> weeks = weeks(articleId);
        List<WeekLine> weekLines = weeks.stream().map(w -> weekLine(w, history.revisions())).toList();
        boolean voted = weeks.stream().anyMatch(w -> w.votes() > 0);
        TrendChart trend = voted ? TrendChart.of("trend-chart", "Helpfulness per week, last " + weeks.size()
                + " weeks, with the revisions published", trendDescription(weeks, revisions), weeks,
                history.revisions()) : null;

        List<WindowLine> windows = recentReports.ofArticle(articleId).stream()
                .map(w -> new WindowLine(w.days(), w.reports(), CATEGORIES.stream().map(w.categories()::get).toList()))
                .toList();
        long most = windows.stream().mapToLong(WindowLine::total).max().orElse(0);
        BarChart reports = most == 0 ? null : BarChart.of("article-reports-chart",
                "Reports on this article in the last 7, 30 and 90 days, by category",
                "Horizontal bars, one per period, each split by category: " + windows.stream()
                        .map(w -> "last " + w.days() + " days " + w.total()).collect(Collectors.joining("; "))
                        + ". The table after the chart gives every figure.",
                CATEGORY_SERIES, windows.stream().map(w -> new BarChart.Input("Last " + w.days() + " days",
                        w.categories().stream().map(Long::doubleValue).toList(), Long.toString(w.total()))).toList(),
                most, EditorialPages::countTick, EditorialPages::count);

        List<LatestReport> latest = recentReports.latestOf(articleId, properties.latestReports()).stream()
                .map(EditorialPages::latestReport).toList();
        String editUrl = UriComponentsBuilder.fromUri(properties.editorBaseUrl())
                .pathSegment("editor", "articles", articleId, "edit").encode().build().toUriString();
        return new ArticleInsightPage(articleId, title, publicUrl(history.slug()), editUrl, history.revision(),
                revisions, trend, weekLines, weeks.size(), reports, categoryNames(), windows, CATEGORY_SERIES,
                latest);
    }

    /** The period's weeks, Monday to Sunday (UTC), ending with the current one; a week without votes counts 0. */
    private List<TrendChart.WeekVotes> weeks(String articleId) {
        int count = properties.trendWeeks();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate first = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(count - 1L);
        long[] yes = new long[count];
        long[] no = new long[count];
        for (DayVotes day : tallies.perDay(articleId, first, first.plusWeeks(count).minusDays(1))) {
            int week = (int) ChronoUnit.WEEKS.between(first, day.day());
            yes[week] += day.yes();
            no[week] += day.no();
        }
        List<TrendChart.WeekVotes> weeks = new ArrayList<>(count);
        for (int week = 0; week < count; week++) {
            weeks.add(new TrendChart.WeekVotes(first.plusWeeks(week), yes[week], no[week]));
        }
        return weeks;
    }

    private RevisionLine revisionLine(RevisionVotes votes, PublishedRevision note, int current) {
        return new RevisionLine(votes.revision(), note == null || note.at() == null ? null : Figures.day(note.at()),
                note == null || note.at() == null ? null : note.at().toString(),
                note == null ? null : note.changeSummary(),
                note == null || note.significance() == null ? null : note.significance().name().toLowerCase(),
                votes.yes(), votes.no(), Figures.share(votes.yes(), votes.no()),
                Figures.score(smoothing.score(votes.yes(), votes.no())), votes.revision() == current);
    }

    private static WeekLine weekLine(TrendChart.WeekVotes week, List<PublishedRevision> revisions) {
        LocalDate end = week.startsOn().plusWeeks(1);
        String published = revisions.stream()
                .filter(r -> r.at() != null)
                .filter(r -> {
                    LocalDate day = LocalDate.ofInstant(r.at(), ZoneOffset.UTC);
                    return !day.isBefore(week.startsOn()) && day.isBefore(end);
                })
                .map(r -> Integer.toString(r.revision())).collect(Collectors.joining(", "));
        return new WeekLine(Figures.day(week.startsOn()), week.startsOn().toString(), week.yes(), week.no(),
                week.votes(), Figures.share(week.yes(), week.no()), published);
    }

    /** What the chart says in words: the period, and each revision's share, so the story is there without it. */
    private static String trendDescription(List<TrendChart.WeekVotes> weeks, List<RevisionLine> revisions) {
        String perRevision = revisions.stream().filter(r -> r.yes() + r.no() > 0)
                .map(r -> "revision " + r.revision() + (r.current() ? " (current)" : "") + " " + r.share()
                        + " helpful of " + (r.yes() + r.no()) + " votes")
                .collect(Collectors.joining("; "));
        return "Helpful share per week as a line from 0 to 100%, over the week's votes as bars (helpful below, not"
                + " helpful above), from the week of " + Figures.day(weeks.get(0).startsOn()) + "; a dashed line"
                + " marks each revision published. Per revision: " + perRevision + ". The table after the chart"
                + " gives every week's figures.";
    }

    private static LatestReport latestReport(Report report) {
        return new LatestReport(Figures.day(report.acceptedAt()), report.acceptedAt().toString(), report.revision(),
                Figures.category(report.category()), report.passage(), report.comment());
    }

    private static List<String> categoryNames() {
        return CATEGORY_SERIES.stream().map(BarChart.Series::name).toList();
    }

    private static String count(double value) {
        return Long.toString(Math.round(value));
    }

    /** Counts are whole: an axis of 3 reports is marked 0 and 3, not 1.5. */
    private static String countTick(double value) {
        return value == Math.rint(value) ? count(value) : null;
    }

    private static String insightPath(String articleId) {
        return UriComponentsBuilder.fromPath("/editorial/articles/{id}").buildAndExpand(articleId).encode()
                .toUriString();
    }

    private String publicUrl(String slug) {
        return slug == null ? null : articlePages.page(slug).toString();
    }

    /** An article known only by id (its title not yet projected) is named by its id. */
    private static String titleOf(String title, String articleId) {
        return title == null || title.isBlank() ? articleId : title;
    }
}

package org.erratum.feedback.readout;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.erratum.events.ReportSubmitted.Category;
import org.erratum.feedback.article.ArticleProjection;
import org.erratum.feedback.article.KnownArticle;
import org.erratum.feedback.readout.ArticleReports.Article;
import org.erratum.feedback.readout.ArticleReports.WindowCount;
import org.erratum.feedback.report.Report;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Reports per article in rolling windows, spam left out. Each window is one aggregation whose match on
 * {@code acceptedAt} an index serves, so a window reads only its own reports.
 */
@Component
class RecentReports {

    private final MongoTemplate mongo;
    private final ArticleProjection articles;
    private final Clock clock;

    RecentReports(MongoTemplate mongo, ArticleProjection articles, Clock clock) {
        this.mongo = mongo;
        this.articles = articles;
        this.clock = clock;
    }

    /**
     * @param windows the windows to count in, at least one
     * @return at most {@code limit} articles, by their count in the 30-day window (or the only window asked for),
     *         ties going to the article with more in the 7-day, then the 90-day window
     */
    ArticleReports perArticle(List<ReportWindow> windows, int limit) {
        Instant now = clock.instant();
        Map<ReportWindow, Map<String, Map<Category, Long>>> counts = new EnumMap<>(ReportWindow.class);
        for (ReportWindow window : windows) {
            counts.put(window, countByArticleAndCategory(where("acceptedAt").gte(window.startBefore(now))));
        }
        Set<String> reported = counts.values().stream().flatMap(byArticle -> byArticle.keySet().stream())
                .collect(Collectors.toSet());
        Map<String, KnownArticle> known = articles.findAll(reported);
        List<Article> ranked = reported.stream()
                .map(articleId -> article(articleId, known.get(articleId), counts))
                .sorted(mostReportedFirst(windows))
                .limit(limit)
                .toList();
        return new ArticleReports(now, ranked);
    }

    /** One article's reports in every window, shortest first. */
    List<WindowCount> ofArticle(String articleId) {
        Instant now = clock.instant();
        return List.of(ReportWindow.values()).stream().map(window -> windowCount(window,
                countByArticleAndCategory(where("articleId").is(articleId).and("acceptedAt")
                        .gte(window.startBefore(now))).getOrDefault(articleId, Collections.emptyMap())))
                .toList();
    }

    /** The article's newest genuine reports of the widest window, newest first. */
    List<Report> latestOf(String articleId, int limit) {
        Instant since = ReportWindow.LAST_90_DAYS.startBefore(clock.instant());
        return mongo.find(query(where("articleId").is(articleId).and("acceptedAt").gte(since).and("spam").is(false))
                .with(Sort.by(Sort.Direction.DESC, "acceptedAt")).limit(limit), Report.class);
    }

    /** @param recent which reports: a window, perhaps of one article */
    private Map<String, Map<Category, Long>> countByArticleAndCategory(Criteria recent) {
        Aggregation recentGenuineReports = Aggregation.newAggregation(
                match(recent.and("spam").is(false)),
                group("articleId", "category").count().as("reports"));
        Map<String, Map<Category, Long>> counts = new HashMap<>();
        for (Document group : mongo.aggregate(recentGenuineReports, Report.class, Document.class)) {
            Document key = group.get("_id", Document.class);
            counts.computeIfAbsent(key.getString("articleId"), a -> new EnumMap<>(Category.class))
                    .merge(Category.valueOf(key.getString("category")),
                            ((Number) group.get("reports")).longValue(), Long::sum);
        }
        return counts;
    }

    /** @param article null in the unlikely case the projection does not hold it: the reports still count */
    private static Article article(String articleId, KnownArticle article,
            Map<ReportWindow, Map<String, Map<Category, Long>>> counts) {
        List<WindowCount> windows = counts.entrySet().stream()
                .map(window -> windowCount(window.getKey(),
                        window.getValue().getOrDefault(articleId, Collections.emptyMap())))
                .toList();
        return article == null
                ? new Article(articleId, null, null, windows)
                : new Article(articleId, article.title(), article.slug(), windows);
    }

    private static WindowCount windowCount(ReportWindow window, Map<Category, Long> byCategory) {
        Map<Category, Long> categories = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            categories.put(category, byCategory.getOrDefault(category, 0L));
        }
        long reports = categories.values().stream().mapToLong(Long::longValue).sum();
        return new WindowCount(window.days(), reports, categories);
    }

    private static Comparator<Article> mostReportedFirst(List<ReportWindow> windows) {
        Comparator<Article> order = (a, b) -> 0;
        for (ReportWindow window : ReportWindow.RANKING) {
            if (windows.contains(window)) {
                order = order.thenComparing(
                        Comparator.comparingLong((Article article) -> article.reportsIn(window)).reversed());
            }
        }
        return order.thenComparing(Article::articleId);
    }
}

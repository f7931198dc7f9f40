package org.erratum.feedback.readout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.erratum.events.ReportSubmitted.Category;
import org.erratum.feedback.article.ArticleProjection;
import org.erratum.feedback.article.KnownArticle;
import org.erratum.feedback.readout.ArticleReports.Article;
import org.erratum.feedback.readout.ArticleReports.WindowCount;
import org.erratum.feedback.report.Report;
import org.erratum.testsupport.MongoSliceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.erratum.events.ReportSubmitted.Category.INACCURATE;
import static org.erratum.events.ReportSubmitted.Category.OUT_OF_DATE;
import static org.erratum.events.ReportSubmitted.Category.SAFETY_CONCERN;

/**
 * The reports readout's queries on the real store, in a database of this class's own (each test empties it of
 * reports first): so the whole ranking is checked, not only the order among one test's articles.
 */
@MongoSliceTest
@Import({ RecentReports.class, ArticleProjection.class, RecentReportsMongoTests.FixedClock.class })
class RecentReportsMongoTests {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @Autowired
    private MongoTemplate mongo;

    @Autowired
    private RecentReports reports;

    @BeforeEach
    void noReports() {
        mongo.remove(new Query(), Report.class);
    }

    @Test
    void articlesAreRankedByTheirLast30DaysThenTheirLast7ThenTheirLast90() {
        String mostIn30 = article("Most in 30 days");
        store(mostIn30, INACCURATE, 20);
        store(mostIn30, INACCURATE, 25);
        store(mostIn30, OUT_OF_DATE, 29);
        String recentTie = article("Tied, but more this week");
        store(recentTie, INACCURATE, 2);
        store(recentTie, INACCURATE, 20);
        String olderTie = article("Tied, none this week");
        store(olderTie, INACCURATE, 10);
        store(olderTie, INACCURATE, 20);
        store(olderTie, INACCURATE, 60);
        String only90 = article("Only older reports");
        store(only90, INACCURATE, 80);

        List<Article> ranked = reports.perArticle(ReportWindow.RANKING, 10).articles();

        assertThat(ranked).extracting(Article::articleId).containsExactly(mostIn30, recentTie, olderTie, only90);
        assertThat(ranked.get(0).title()).isEqualTo("Most in 30 days");
        assertThat(reports.perArticle(ReportWindow.RANKING, 2).articles()).extracting(Article::articleId)
                .containsExactly(mostIn30, recentTie);
    }

    @Test
    void anArticlesReportsAreCountedByCategoryPerWindowWithoutSpamOrOlderReports() {
        String articleId = article("Counted");
        store(articleId, SAFETY_CONCERN, 1);
        store(articleId, INACCURATE, 3);
        store(articleId, INACCURATE, 10);
        store(articleId, OUT_OF_DATE, 45);
        store(articleId, INACCURATE, 100);
        storeSpam(articleId, SAFETY_CONCERN, 1);
        store(article("Another"), INACCURATE, 1);

        assertThat(reports.ofArticle(articleId))
                .extracting(WindowCount::days, WindowCount::reports, window -> reported(window.categories()))
                .containsExactly(tuple(7, 2L, Map.of(SAFETY_CONCERN, 1L, INACCURATE, 1L)),
                        tuple(30, 3L, Map.of(SAFETY_CONCERN, 1L, INACCURATE, 2L)),
                        tuple(90, 4L, Map.of(SAFETY_CONCERN, 1L, INACCURATE, 2L, OUT_OF_DATE, 1L)));
    }

    @Test
    void anArticlesLatestReportsAreItsNewestGenuineOnesOfTheLast90Days() {
        String articleId = article("Latest");
        Report older = store(articleId, INACCURATE, 30);
        Report newest = store(articleId, OUT_OF_DATE, 1);
        Report middle = store(articleId, SAFETY_CONCERN, 5);
        storeSpam(articleId, INACCURATE, 0);
        store(articleId, INACCURATE, 91);
        store(article("Another"), INACCURATE, 0);

        assertThat(reports.latestOf(articleId, 10)).extracting(Report::id)
                .containsExactly(newest.id(), middle.id(), older.id());
        assertThat(reports.latestOf(articleId, 2)).extracting(Report::id).containsExactly(newest.id(), middle.id());
    }

    /** The categories with reports (the readout lists every category, with 0 for those without). */
    private static Map<Category, Long> reported(Map<Category, Long> categories) {
        return categories.entrySet().stream().filter(category -> category.getValue() > 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private String article(String title) {
        String articleId = "article-" + UUID.randomUUID();
        mongo.insert(new KnownArticle(articleId, articleId, title, 1, 1));
        return articleId;
    }

    private Report store(String articleId, Category category, int daysAgo) {
        return mongo.insert(report(articleId, category, daysAgo, false));
    }

    private void storeSpam(String articleId, Category category, int daysAgo) {
        mongo.insert(report(articleId, category, daysAgo, true));
    }

    /** A report as intake stores it once published, an hour more than {@code daysAgo} days old. */
    private static Report report(String articleId, Category category, int daysAgo, boolean spam) {
        UUID id = UUID.randomUUID();
        return new Report(id.toString(), articleId, 1, category, "a passage", "a comment", false, id.toString(),
                NOW.minus(Duration.ofDays(daysAgo)).minus(Duration.ofHours(1)), spam,
                spam ? List.of("honeypot") : List.of(), true, null);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }
}

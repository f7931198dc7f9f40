package org.erratum.feedback.article;

import java.time.Duration;
import java.util.List;

import org.erratum.events.ArticleChanged;
import org.erratum.events.ArticleChanged.Section;
import org.erratum.events.Topics;
import org.erratum.feedback.TestArticles;
import org.erratum.testsupport.ArticleStates;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class ArticleProjectionIntegrationTests {

    private static final String GROUP = "feedback-service";

    @Autowired
    MongoTemplate mongo;

    @Test
    void articlesTopicIsCreatedCompactedSoItKeepsEveryArticlesLatestState() {
        assertThat(TopicProbe.topicConfig(Topics.ARTICLES, "cleanup.policy")).isEqualTo("compact");
    }

    @Test
    void whenArticleChangedArrivesThenItsRevisionSlugAndTitleAreKnown() {
        String articleId = TestArticles.newArticleId();

        TestArticles.publishAndAwait(TestArticles.article(articleId, "first-slug", 1, 1), mongo);
        KnownArticle revised = TestArticles.publishAndAwait(TestArticles.article(articleId, "new-slug", 2, 2), mongo);

        assertThat(revised).isEqualTo(new KnownArticle(articleId, "new-slug", "Paracetamol for adults", 2, 2));
    }

    @Test
    void aStatePublishedBeforeSectionsHadBlocksAndOneWithThemAreBothTracked() {
        String articleId = TestArticles.newArticleId();

        ArticleStates.publishBeforeBlocks(ArticleStates.article(articleId).slug("before-blocks")
                .title("Published earlier").sections(List.of(new Section("Dose", "Take <b>two</b> tablets [1].")))
                .build());
        await().atMost(Duration.ofSeconds(60)).until(() -> mongo.findById(articleId, KnownArticle.class) != null);
        assertThat(mongo.findById(articleId, KnownArticle.class))
                .isEqualTo(new KnownArticle(articleId, "before-blocks", "Published earlier", 1, 1));

        ArticleChanged withBlocks = TestArticles.article(articleId, "with-blocks", 2, 2);
        assertThat(ArticleStates.json(withBlocks)).contains("\"blocks\":[{\"type\":\"PARAGRAPH\"");
        assertThat(TestArticles.publishAndAwait(withBlocks, mongo))
                .isEqualTo(new KnownArticle(articleId, "with-blocks", "Paracetamol for adults", 2, 2));
    }

    @Test
    void whenTheSameStateIsRedeliveredThenTheProjectionIsUnchanged() {
        String articleId = TestArticles.newArticleId();
        ArticleChanged current = TestArticles.article(articleId, "current-slug", 3, 2);
        KnownArticle before = TestArticles.publishAndAwait(current, mongo);
        long articlesBefore = mongo.count(new Query(), KnownArticle.class);

        ArticleStates.publish(current);
        TopicProbe.awaitCaughtUp(GROUP, Topics.ARTICLES);

        assertThat(mongo.findById(articleId, KnownArticle.class)).isEqualTo(before);
        assertThat(mongo.count(new Query(), KnownArticle.class)).isEqualTo(articlesBefore);
    }

    @Test
    void whenAnOlderStateArrivesLateThenTheProjectionKeepsTheNewerOne() {
        String articleId = TestArticles.newArticleId();
        KnownArticle newer = TestArticles.publishAndAwait(TestArticles.article(articleId, "newer-slug", 4, 3), mongo);

        ArticleStates.publish(TestArticles.article(articleId, "older-slug", 3, 2));
        TopicProbe.awaitCaughtUp(GROUP, Topics.ARTICLES);

        assertThat(mongo.findById(articleId, KnownArticle.class)).isEqualTo(newer);
    }

    @Test
    void aSignOffKeepsTheRevisionButIsTrackedAsANewerVersion() {
        String articleId = TestArticles.newArticleId();
        TestArticles.publishAndAwait(TestArticles.article(articleId, "slug", 2, 2), mongo);

        KnownArticle reviewed = TestArticles.publishAndAwait(TestArticles.article(articleId, "slug", 3, 2), mongo);

        assertThat(reviewed.revision()).isEqualTo(2);
        assertThat(reviewed.version()).isEqualTo(3);
    }
}

package org.erratum.content;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.erratum.content.article.Article;
import org.erratum.content.article.ArticleRevision;
import org.erratum.events.Topics;
import org.erratum.testsupport.HostileInputs;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;

/**
 * A corpus of hostile and broken requests against the articles API (public reads, editors' writes) and the article
 * pages (src/test/resources/hostile-inputs.txt): each is refused with exactly its status and a problem document
 * naming the field, and leaves no article, revision, announcement or count behind.
 */
@IntegrationTest
class HostileInputIntegrationTests {

    /** The article the cases aim at, at revision 1; made by whichever case runs first. */
    private static JsonNode article;

    /** Announcements of that article on content.articles. */
    private static TopicProbe.Tally announced;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void createTheTargetArticleOnce() {
        if (article == null) {
            article = new ContentApi(port).createArticle(ContentApi.newArticle("Hay fever"));
            String id = article.get("id").asString();
            announced = TopicProbe.tally(r -> id.equals(r.key()), Topics.ARTICLES);
        }
    }

    @AfterAll
    static void closeTheTally() {
        if (announced != null) {
            announced.close();
        }
    }

    static List<HostileInputs.Case> corpus() {
        return HostileInputs.load("/hostile-inputs.txt",
                HostileInputs.tooManyHeaders("GET /articles/{slug}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyHostileInputIsRefusedAndLeavesNoTrace(HostileInputs.Case hostile) {
        HostileInputs.against(port, this::withPlaceholders, this::trace).assertRefused(hostile);
    }

    private Map<String, Object> trace() {
        return Map.of("articles stored", mongo.count(new Query(), Article.class),
                "revisions stored", mongo.count(new Query(), ArticleRevision.class),
                "the target article", mongo.findById(article.get("id").asString(), Document.class,
                        mongo.getCollectionName(Article.class)),
                "revisions counted", meters.find("erratum.content.revisions").counters().stream()
                        .mapToDouble(Counter::count).sum(),
                "announcements of the target article", announced.count());
    }

    private String withPlaceholders(String text) {
        return text.replace("{article}", article.get("id").asString())
                .replace("{slug}", article.get("slug").asString())
                .replace("{editor}", "Basic ZWRpdG9yOmVkaXRvci1kZXYtcGFzc3dvcmQ=");
    }
}

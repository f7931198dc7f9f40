package org.erratum.content;

import org.erratum.testsupport.Scrape;
import java.util.Set;

import org.erratum.events.Topics;
import org.erratum.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erratum.content.ContentApi.newArticle;
import static org.erratum.content.ContentApi.revision;

/**
 * What Prometheus scrapes from the content service, as ops/METRICS.md promises it. Other tests share this context,
 * so counters are compared before and after.
 */
@IntegrationTest
class ContentMetricsIntegrationTests {

    /** Labels that would hold a person or an article: unbounded, and personal data in the case of people. */
    private static final Set<String> UNBOUNDED_LABELS = Set.of("articleId", "article_id", "article", "slug",
            "reader", "reviewer", "editor", "user", "username");

    @LocalServerPort
    int port;

    ContentApi api;

    @BeforeEach
    void connect() {
        api = new ContentApi(port);
    }

    @Test
    void publishedRevisionsAreCountedBySignificanceAndRefusedEditsAreNot() {
        Scrape before = Scrape.of(port);
        String id = api.createArticle(newArticle("Antihistamines")).get("id").asString();
        assertThat(api.editor().put("/api/articles/" + id, revision(1, "Antihistamines: drowsiness", "Edit", "MINOR"))
                .status()).isEqualTo(200);
        assertThat(api.editor().put("/api/articles/" + id, revision(1, "Antihistamines: stale", "Edit", "MAJOR"))
                .status()).isEqualTo(409);
        assertThat(api.editor().put("/api/articles/" + id, revision(2, "Antihistamines: dose", "Dose", "MAJOR"))
                .status()).isEqualTo(200);

        Scrape after = Scrape.of(port);

        assertThat(revisions(after, "MAJOR") - revisions(before, "MAJOR"))
                .as("first publication and the major correction; not the stale edit").isEqualTo(2);
        assertThat(revisions(after, "MINOR") - revisions(before, "MINOR")).isEqualTo(1);
    }

    @Test
    void everySeriesCarriesTheApplicationAndNoErratumSeriesHasALabelForAPersonOrAnArticle() {
        Scrape scrape = Scrape.of(port);

        assertThat(scrape.samples()).isNotEmpty()
                .allSatisfy(s -> assertThat(s.labels()).as(s.name()).containsEntry("application", "content-service"));
        assertThat(scrape.samples()).filteredOn(s -> s.name().startsWith("erratum_")).isNotEmpty()
                .allSatisfy(s -> assertThat(s.labels().keySet()).as(s.name()).doesNotContainAnyElementsOf(
                        UNBOUNDED_LABELS));
        assertThat(scrape.has("erratum_content_signoffs_applied_total")).as("sign-offs applied exported").isTrue();
        assertThat(scrape.has("erratum_messaging_dead_letters_total", "topic", Topics.DECISIONS))
                .as("dead letters of %s exported", Topics.DECISIONS).isTrue();
    }

    private static double revisions(Scrape scrape, String significance) {
        return scrape.value("erratum_content_revisions_total", "significance", significance);
    }
}

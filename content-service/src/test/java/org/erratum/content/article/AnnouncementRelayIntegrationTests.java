package org.erratum.content.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.erratum.content.ContentApi.newArticle;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.erratum.content.ContentApi;
import org.erratum.events.ArticleChanged.Significance;
import org.erratum.events.CloudEventHeaders;
import org.erratum.events.Topics;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * A revision saved but never announced, as an instance leaves it when Kafka did not acknowledge and it stopped
 * before its relay ran: the relay of a running instance (every instance runs one from its start) announces it,
 * and keeps its snapshot in the history.
 */
@IntegrationTest
class AnnouncementRelayIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ArticleStore store;

    @Test
    void aRevisionSavedButNotAnnouncedIsAnnouncedByTheRelay() {
        ContentApi api = new ContentApi(port);
        String id = api.createArticle(newArticle("Hay fever")).get("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> !store.findById(id).orElseThrow().announcePending());

        Article current = store.findById(id).orElseThrow();
        ArticleEdit edit = new ArticleEdit(1, new ArticleContent("Hay fever: what helps", "Antihistamines and sprays.",
                List.of(new Section("What helps", "Antihistamine tablets, eye drops or nasal sprays.")),
                List.of(), List.of("Erratum editorial team")), null, "Added nasal sprays", Significance.MINOR, null);
        Article saved = store.revise(current, edit, edit.settings().over(current), current.nextReviewDue(), "editor", Instant.now().truncatedTo(ChronoUnit.MILLIS)).orElseThrow();
        assertThat(saved.announcePending()).isTrue();

        var record = TopicProbe.awaitRecord(Topics.ARTICLES, r -> id.equals(r.key())
                && ContentApi.JSON.readTree(r.value()).get("version").asLong() == saved.version());
        JsonNode event = ContentApi.JSON.readTree(record.value());
        assertThat(event.get("revision").asInt()).isEqualTo(2);
        assertThat(event.get("title").asString()).isEqualTo("Hay fever: what helps");
        assertThat(TopicProbe.header(record, CloudEventHeaders.TYPE)).isEqualTo("erratum.content.article-changed.v1");
        await().atMost(Duration.ofSeconds(30)).until(() -> !store.findById(id).orElseThrow().announcePending());
        assertThat(api.reader().getText("/api/articles/" + id + "/revisions/2").json().get("changeSummary").asString())
                .isEqualTo("Added nasal sprays");
    }
}

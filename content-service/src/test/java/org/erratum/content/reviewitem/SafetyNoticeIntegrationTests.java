package org.erratum.content.reviewitem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.erratum.content.ContentApi;
import org.erratum.events.ReviewItemChanged.ReportedPassage;
import org.erratum.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.erratum.content.ContentApi.newArticle;
import static org.erratum.content.ContentApi.revision;
import static org.erratum.content.reviewitem.ReviewItemStates.newItemId;
import static org.erratum.content.reviewitem.ReviewItemStates.open;
import static org.erratum.content.reviewitem.ReviewItemStates.passage;
import static org.erratum.content.reviewitem.ReviewItemStates.publish;
import static org.erratum.content.reviewitem.ReviewItemStates.resolved;

/**
 * A senior reviewer's interim safety notice on the public page, from the review item states on
 * {@code review.items}: it shows at once, as text near the top, and goes when the item is resolved or the notice
 * lifted; only a revision of the article itself makes a corrections log entry.
 */
@IntegrationTest
class SafetyNoticeIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String NOTICE = "The dosing advice on this page is being checked by our clinicians.";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    ContentApi api;

    @BeforeEach
    void connect() {
        api = new ContentApi(port);
    }

    @Test
    void aNoticeShowsNearTheTopUntilTheItemIsResolvedAndOnlyTheRevisionIsInTheCorrectionsLog() {
        JsonNode article = api.createArticle(newArticle("Ibuprofen for children"));
        String id = article.get("id").asString();
        String page = "/articles/" + article.get("slug").asString();
        String itemId = newItemId();

        publish(open(id, itemId, 3, NOTICE, List.of(passage("every 4 hours"))));

        String shown = awaitPage(page, html -> html.contains(NOTICE));
        assertThat(shown).contains("<section class=\"safety-notice\" aria-labelledby=\"safety-notice-heading\">")
                .contains("<h2 id=\"safety-notice-heading\">Safety notice</h2>");
        assertThat(shown.indexOf(NOTICE)).as("near the top: before the first section")
                .isLessThan(shown.indexOf("id=\"section-1\""));
        assertThat(shown).as("a notice is not a correction").doesNotContain("Corrections and updates");

        assertThat(api.editor().put("/api/articles/" + id,
                revision(1, "Ibuprofen for children", "Corrected the interval", "MAJOR")).status()).isEqualTo(200);
        publish(resolved(id, itemId, 4, 2));

        String after = awaitPage(page, html -> !html.contains(NOTICE));
        assertThat(after).doesNotContain("safety-notice").contains("Corrections and updates")
                .contains("Corrected the interval");
    }

    @Test
    void aNoticeLiftedByHandGoesAndAnOlderStateArrivingLateDoesNotBringItBack() {
        JsonNode article = api.createArticle(newArticle("Iron tablets"));
        String id = article.get("id").asString();
        String page = "/articles/" + article.get("slug").asString();
        String itemId = newItemId();
        publish(open(id, itemId, 1, NOTICE, List.of()));
        awaitPage(page, html -> html.contains(NOTICE));

        publish(open(id, itemId, 3, null, List.of()));
        awaitPage(page, html -> !html.contains(NOTICE));
        publish(open(id, itemId, 2, NOTICE, List.of()));
        // another state claiming version 3 is not newer than the one kept either
        publish(open(id, itemId, 3, NOTICE, List.of()));
        // same article key, same partition: once this later item's notice shows, the two before it were consumed
        String marker = "Another item is being checked too " + newItemId();
        publish(open(id, newItemId(), 1, marker, List.of()));

        String html = awaitPage(page, text -> text.contains(marker));
        assertThat(html).doesNotContain(NOTICE);
        assertThat(mongo.findById(itemId, TrackedItem.class).version()).isEqualTo(3);
    }

    @Test
    void aNoticeIsShownAsTextNeverAsMarkup() {
        JsonNode article = api.createArticle(newArticle("Antihistamines"));
        String id = article.get("id").asString();

        publish(open(id, newItemId(), 1, "<script>alert('x')</script> Checking <b>doses</b>", List.of()));

        String html = awaitPage("/articles/" + article.get("slug").asString(), text -> text.contains("Checking"));
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Checking &lt;b&gt;doses&lt;/b&gt;")
                .doesNotContain("<script>alert");
    }

    @Test
    void whatIsKeptOfAnItemIsBounded() {
        String id = api.createArticle(newArticle("Hay fever")).get("id").asString();
        String itemId = newItemId();
        List<ReportedPassage> passages = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            passages.add(passage(i + " " + "x".repeat(600)));
        }

        publish(open(id, itemId, 1, null, passages));

        TrackedItem kept = await().atMost(WAIT).until(() -> mongo.findById(itemId, TrackedItem.class),
                item -> item != null);
        assertThat(kept.passages()).hasSize(ReviewItems.MAX_PASSAGES);
        assertThat(kept.passages()).allSatisfy(p -> assertThat(p.passage()).hasSize(ReviewItems.MAX_PASSAGE_LENGTH));
        assertThat(kept.passages().get(0).passage()).startsWith("0 ");

        publish(resolved(id, itemId, 2, 1));

        TrackedItem closed = await().atMost(WAIT).until(() -> mongo.findById(itemId, TrackedItem.class),
                item -> !item.open());
        assertThat(closed.passages()).as("a resolved item keeps only what idempotence needs").isEmpty();
        assertThat(closed.version()).isEqualTo(2);
    }

    private String awaitPage(String path, java.util.function.Predicate<String> ready) {
        return await().atMost(WAIT).until(() -> api.reader().getText(path).body(), ready::test);
    }
}

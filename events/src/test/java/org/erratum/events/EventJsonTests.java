package org.erratum.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.erratum.events.ArticleChanged.Block;
import org.erratum.events.ArticleChanged.BlockType;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON shape of each contract, as documented in asyncapi.yaml: field names, ISO dates, enum names. */
class EventJsonTests {

    private final JsonMapper json = JsonMapper.builder().build();

    private static final Instant AT = Instant.parse("2026-03-01T09:30:00Z");

    @Test
    void reportSubmittedHasDocumentedShapeAndNoContactAddress() {
        var report = new ReportSubmitted(UUID.randomUUID(), AT, "a-1", 3, ReportSubmitted.Category.SAFETY_CONCERN,
                "take 4 g every hour", "That dose is far too high", true);

        JsonNode node = json.valueToTree(report);

        assertThat(node.propertyNames()).containsExactlyInAnyOrder("eventId", "occurredAt", "articleId", "revision",
                "category", "passage", "comment", "outcomeRequested");
        assertThat(node.get("occurredAt").asString()).isEqualTo("2026-03-01T09:30:00Z");
        assertThat(node.get("category").asString()).isEqualTo("SAFETY_CONCERN");
        assertThat(json.readValue(json.writeValueAsString(report), ReportSubmitted.class)).isEqualTo(report);
    }

    @Test
    void articleChangedCarriesFullStateAndRoundTrips() {
        var callout = new Block(BlockType.CALLOUT, "Get help now", List.of(
                new Block(BlockType.BULLETED_LIST, "", List.of(new Block(BlockType.ITEM, "Chest pain (2)", null)))));
        var article = new ArticleChanged(UUID.randomUUID(), AT, "a-1", 4, ArticleChanged.Change.REVIEWED, "slug",
                "Title", "Summary", List.of(new ArticleChanged.Section("H", "Rest [1].\n\n> **Get help now**\n> - Chest pain [2]",
                        List.of(new Block(BlockType.PARAGRAPH, "Rest (1).", List.of()), callout))),
                List.of(new ArticleChanged.Reference("Citation", "https://doi.org/10.1/x")), List.of("Author"), 2,
                new ArticleChanged.RevisionNote(2, "Fixed dose", ArticleChanged.Significance.MAJOR, AT),
                new Reviewer("Dr A", "MBBS"), AT, AT, AT, LocalDate.parse("2028-03-01"), 24,
                new ArticleChanged.Owner("Respiratory team", "respiratory@example.org"), List.of("asthma", "lungs"),
                new ArticleChanged.ReviewRequest("New national asthma guidance", AT, "editor"));

        JsonNode node = json.valueToTree(article);

        assertThat(node.get("nextReviewDue").asString()).isEqualTo("2028-03-01");
        assertThat(node.get("lastReviewedBy").get("credentials").asString()).isEqualTo("MBBS");
        assertThat(node.get("sections").get(0).get("heading").asString()).isEqualTo("H");
        JsonNode calloutNode = node.get("sections").get(0).get("blocks").get(1);
        assertThat(calloutNode.propertyNames()).containsExactly("type", "text", "blocks");
        assertThat(calloutNode.get("type").asString()).isEqualTo("CALLOUT");
        assertThat(calloutNode.get("blocks").get(0).get("blocks").get(0).get("text").asString())
                .isEqualTo("Chest pain (2)");
        assertThat(node.get("owner").get("email").asString()).isEqualTo("respiratory@example.org");
        assertThat(node.get("topics").get(1).asString()).isEqualTo("lungs");
        assertThat(node.get("reviewRequest").propertyNames()).containsExactly("reason", "at", "by");
        assertThat(node.get("reviewRequest").get("at").asString()).isEqualTo("2026-03-01T09:30:00Z");
        assertThat(json.readValue(json.writeValueAsString(article), ArticleChanged.class)).isEqualTo(article);
    }

    /**
     * A state published before owners, topics and review requests existed (still on the compacted topic) reads
     * without them.
     */
    @Test
    void aStatePublishedBeforeOwnersTopicsAndReviewRequestsReadsWithoutThem() {
        String before = """
                {"eventId":"6f1c1a5e-2b53-3c8e-9b8a-5c2f6b0f4e11","occurredAt":"2026-03-01T09:30:00Z",
                 "articleId":"a-1","version":1,"change":"CREATED","slug":"s","title":"T","summary":"S",
                 "sections":[{"heading":"Dose","body":"Plain"}],"references":[],"authors":["A"],"revision":1,
                 "latestRevision":{"revision":1,"changeSummary":"First published","significance":"MAJOR",
                                   "at":"2026-03-01T09:30:00Z"},
                 "lastReviewedBy":null,"publishedAt":"2026-03-01T09:30:00Z","lastModifiedAt":"2026-03-01T09:30:00Z",
                 "lastReviewedAt":null,"nextReviewDue":"2028-03-01","reviewIntervalMonths":24}""";

        ArticleChanged state = json.readValue(before, ArticleChanged.class);

        assertThat(state.owner()).isNull();
        assertThat(state.topics()).isEmpty();
        assertThat(state.reviewRequest()).isNull();
        assertThat(state.latestRevision().answersItem()).isNull();
        assertThat(state.reviewIntervalMonths()).isEqualTo(24);
    }

    /** A state as content-service published it before blocks existed, e.g. still on the compacted topic. */
    @Test
    void aStatePublishedBeforeBlocksReadsAsItsBodyInOnePlainParagraph() {
        String v1 = """
                {"eventId":"6f1c1a5e-2b53-3c8e-9b8a-5c2f6b0f4e11","occurredAt":"2026-03-01T09:30:00Z",
                 "articleId":"a-1","version":1,"change":"CREATED","slug":"s","title":"T","summary":"S",
                 "sections":[{"heading":"Dose","body":"Take 1 * 500 mg <b>tablet</b> [1]."}],
                 "references":[],"authors":["A"],"revision":1,
                 "latestRevision":{"revision":1,"changeSummary":"First published","significance":"MAJOR",
                                   "at":"2026-03-01T09:30:00Z"},
                 "lastReviewedBy":null,"publishedAt":"2026-03-01T09:30:00Z","lastModifiedAt":"2026-03-01T09:30:00Z",
                 "lastReviewedAt":null,"nextReviewDue":"2028-03-01","reviewIntervalMonths":24}""";

        ArticleChanged.Section section = json.readValue(v1, ArticleChanged.class).sections().get(0);

        assertThat(section.body()).isEqualTo("Take 1 * 500 mg <b>tablet</b> [1].");
        assertThat(section.blocks()).containsExactly(
                new Block(BlockType.PARAGRAPH, "Take 1 * 500 mg <b>tablet</b> [1].", List.of()));
        assertThat(new ArticleChanged.Section("Dose", "Plain")).isEqualTo(new ArticleChanged.Section("Dose", "Plain",
                List.of(new Block(BlockType.PARAGRAPH, "Plain", List.of()))));
    }

    @Test
    void consumersTolerateFieldsAddedByANewerProducer() {
        String newer = """
                {"eventId":"1b4e28ba-2fa1-11d2-883f-0016d3cca427","occurredAt":"2026-03-01T09:30:00Z",
                 "articleId":"a-1","revision":1,"helpful":false,"reason":"CONFUSING","readerKey":"k",
                 "addedLater":"ignored"}""";

        VoteCast vote = JsonMapper.builder()
                .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                .readValue(newer, VoteCast.class);

        assertThat(vote.reason()).isEqualTo(VoteCast.NotHelpfulReason.CONFUSING);
    }

    @Test
    void everyEventCarriesCloudEventsAttributes() {
        var signOff = new ArticleSignedOff(UUID.randomUUID(), AT, "a-1", 2, new Reviewer("Dr A", "MBBS"), AT, null);

        var headers = CloudEventHeaders.of(signOff, "/erratum/review-service");

        assertThat(headers).containsEntry("ce_type", "erratum.review.article-signed-off.v1")
                .containsEntry("ce_id", signOff.eventId().toString())
                .containsEntry("ce_source", "/erratum/review-service")
                .containsEntry("ce_time", "2026-03-01T09:30:00Z")
                .containsEntry("ce_subject", "a-1")
                .containsEntry("ce_specversion", "1.0");
        assertThat(EventType.of(signOff).topic()).isEqualTo(Topics.DECISIONS);
    }
}

package org.erratum.testsupport;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.erratum.events.CloudEventHeaders;
import org.erratum.events.EventType;
import org.erratum.events.Topics;

import tools.jackson.databind.json.JsonMapper;

/**
 * Article states as content-service published them on {@code content.articles} before sections carried blocks:
 * a compacted topic keeps such a record for as long as the article does not change, so every consumer must still
 * read it. Written out as JSON text, not from today's record, so it stays the old shape.
 */
public final class ArticleStatesBeforeBlocks {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ArticleStatesBeforeBlocks() {
    }

    /** An article of one section, a heading and a plain body, exactly as it was published then. */
    public static String json(String articleId, long version, int revision, String slug, String title,
            String heading, String body) {
        String at = Instant.now().toString();
        return """
                {"eventId":"%s","occurredAt":"%s","articleId":%s,"version":%d,"change":"%s","slug":%s,"title":%s,
                 "summary":"Written before sections had blocks.","sections":[{"heading":%s,"body":%s}],
                 "references":[],"authors":["An editor"],"revision":%d,
                 "latestRevision":{"revision":%d,"changeSummary":"An edit","significance":"MINOR","at":"%s"},
                 "lastReviewedBy":null,"publishedAt":"%s","lastModifiedAt":"%s","lastReviewedAt":null,
                 "nextReviewDue":"2030-01-01","reviewIntervalMonths":24}"""
                .formatted(UUID.randomUUID(), at, quoted(articleId), version, revision == 1 ? "CREATED" : "REVISED",
                        quoted(slug), quoted(title), quoted(heading), quoted(body), revision, revision, at, at, at);
    }

    /** Sends such a state with the CloudEvents headers content-service gave it. */
    public static void publish(String articleId, String json) {
        TopicProbe.send(Topics.ARTICLES, articleId, json, Map.of(
                CloudEventHeaders.ID, UUID.randomUUID().toString(),
                CloudEventHeaders.TYPE, EventType.ARTICLE_CHANGED.type(),
                CloudEventHeaders.SOURCE, "/erratum/content-service",
                CloudEventHeaders.TIME, Instant.now().toString(),
                CloudEventHeaders.SUBJECT, articleId,
                CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE));
    }

    private static String quoted(String text) {
        return JSON.writeValueAsString(text);
    }
}

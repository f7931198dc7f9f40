package org.erratum.local;

import tools.jackson.databind.JsonNode;
import org.erratum.testsupport.TestClient;

/** The review queue as the system tests read it, through review-service's API. */
public final class ReviewItems {

    private ReviewItems() {
    }

    /** The article's item in the queue, or null while it has none. */
    public static JsonNode forArticle(TestClient reviewer, String articleId) {
        for (JsonNode item : reviewer.get("/api/review/items").json()) {
            if (articleId.equals(item.get("articleId").asString())) {
                return item;
            }
        }
        return null;
    }
}

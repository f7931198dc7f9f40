package org.erratum.local;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import org.erratum.testsupport.TestClient;

/** The review queue as the system tests read it, through review-service's API. */
public final class ReviewItems {

    private ReviewItems() {
    }

    /** The article's item in the queue, or null while it has none. */
    public static JsonNode forArticle(TestClient reviewer, String articleId) {
        for (JsonNode item : all(reviewer, "")) {
            if (articleId.equals(item.get("articleId").asString())) {
                return item;
            }
        }
        return null;
    }

    /**
     * Every item the queue lists for the query (e.g. {@code state=CLAIMED}; empty for the active items), page after
     * page as its {@code rel="next"} links lead.
     */
    public static List<JsonNode> all(TestClient reviewer, String query) {
        List<JsonNode> items = new ArrayList<>();
        String page = "/api/review/items?limit=200" + (query.isEmpty() ? "" : "&" + query);
        while (page != null) {
            TestClient.Response response = reviewer.get(page);
            response.json().forEach(items::add);
            page = response.nextPage();
        }
        return items;
    }
}

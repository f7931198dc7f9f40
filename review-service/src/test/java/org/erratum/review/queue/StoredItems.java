package org.erratum.review.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.erratum.events.Topics;
import org.erratum.testsupport.TopicProbe;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.awaitility.Awaitility.await;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The queue's items as the integration tests find them in the store once the reports were consumed. */
public final class StoredItems {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StoredItems() {
    }

    /** The item by id as the service reads it, active or resolved (see {@link ItemHistory}); null when none. */
    public static ReviewItem item(MongoTemplate mongo, String id) {
        return new ItemHistory(mongo, null, false).find(id); // finding needs no settings
    }

    /** Every claim this reviewer ever made, on any item, active or resolved. */
    public static long claimsBy(MongoTemplate mongo, String reviewer) {
        return Stream.concat(mongo.findAll(ReviewItem.class).stream(),
                        mongo.findAll(ReviewItem.class, ItemHistory.COLLECTION).stream())
                .flatMap(item -> item.activity() == null ? Stream.empty() : item.activity().stream())
                .filter(entry -> "claimed".equals(entry.action()) && reviewer.equals(entry.by())).count();
    }

    /** How many items, active or resolved, the query matches. */
    static long count(MongoTemplate mongo, Query query) {
        return mongo.count(query, ReviewItem.class) + mongo.count(query, ItemHistory.COLLECTION);
    }

    /** The first group of every match of the pattern in a page's body, in order. */
    static List<String> found(Pattern pattern, String body) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(body);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    /** Waits until the article's item holds that many reports. */
    static ReviewItem awaitItem(MongoTemplate mongo, String articleId, int reports) {
        return await().atMost(WAIT).until(() -> mongo.findOne(
                Query.query(Criteria.where("articleId").is(articleId).and("reportCount").is(reports)),
                ReviewItem.class), item -> item != null);
    }

    /** The item's {@code review.items} events once Kafka holds that many versions of it, as they came. */
    static List<JsonNode> eventsOf(String itemId, long count) {
        return await().atMost(WAIT).until(() -> TopicProbe.records(Topics.ITEMS).stream()
                .map(r -> JSON.readTree(r.value())).filter(event -> itemId.equals(event.get("itemId").asString()))
                .toList(), found -> found.stream().map(event -> event.get("version").asLong()).distinct()
                        .count() >= count);
    }
}

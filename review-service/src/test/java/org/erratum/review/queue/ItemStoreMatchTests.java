package org.erratum.review.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * An item's write matches flat fields, exactly those of the embedded store's index: that store uses an index only
 * for a query on exactly its fields, and scans every item for anything else (an {@code $and} around the same fields).
 */
class ItemStoreMatchTests {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void aWriteMatchesTheItemAsReadOnExactlyTheFieldsOfTheEmbeddedStoresIndex() {
        Document match = ItemStore.asRead(item(ItemState.CLAIMED, "reviewer", 7L)).getQueryObject();

        assertThat(match.keySet()).isEqualTo(ItemStore.asReadIndex().getIndexKeys().keySet());
        assertThat(match).containsEntry("version", 7L).containsEntry("state", ItemState.CLAIMED)
                .containsEntry("escalated", true).containsEntry("claimedBy", "reviewer");
    }

    @Test
    void anUnclaimedItemIsMatchedWithoutAHolder() {
        Document match = ItemStore.asRead(item(ItemState.OPEN, null, 3L)).getQueryObject();

        assertThat(match.keySet()).isEqualTo(ItemStore.asReadIndex().getIndexKeys().keySet());
        assertThat(match).containsEntry("claimedBy", null);
    }

    @Test
    void anItemStoredBeforeVersionsExistedIsMatchedAtZeroOrNoVersion() {
        Document match = ItemStore.asRead(item(ItemState.OPEN, null, null)).getQueryObject();

        assertThat(match.keySet()).isEqualTo(ItemStore.asReadIndex().getIndexKeys().keySet());
        assertThat(match.get("version", Document.class).getList("$in", Object.class)).containsExactly(0L, null);
    }

    private static ReviewItem item(ItemState state, String claimedBy, Long version) {
        return new ReviewItem("item-1", "article-1", "article-1", state, Set.of(), Severity.NORMAL, 100, true, 1,
                Map.of(), List.of(), claimedBy, null, null, null, null, null, null, List.of(), NOW, NOW, null, version,
                1, null, null, List.of(), List.of(), Set.of(), 0, null, null, null);
    }
}

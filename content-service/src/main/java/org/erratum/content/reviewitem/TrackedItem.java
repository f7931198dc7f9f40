package org.erratum.content.reviewitem;

import java.time.Instant;
import java.util.List;

import org.erratum.events.ReviewItemChanged.ReportedPassage;
import org.erratum.events.ReviewItemChanged.State;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the content service knows of one review item, from the newest state review-service published of it. A
 * resolved item keeps only its id, article, version and state, so a late copy of an older state cannot reopen it.
 *
 * @param version      the item's version counter; only a higher one replaces this state
 * @param passages     what readers quoted, newest first, at most {@link ReviewItems#MAX_PASSAGES}
 * @param safetyNotice the interim notice standing on the article page, or null
 */
@Document(TrackedItem.COLLECTION)
public record TrackedItem(
        @Id String itemId,
        @Indexed String articleId,
        long version,
        @Indexed State state,
        int reportCount,
        List<ReportedPassage> passages,
        String safetyNotice,
        Instant changedAt) {

    static final String COLLECTION = "review_items";

    public TrackedItem {
        passages = passages == null ? List.of() : List.copyOf(passages);
    }

    public boolean open() {
        return state != State.RESOLVED;
    }
}

package org.erratum.feedback.contact;

import org.erratum.events.ReviewItemChanged.Resolution;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What this service keeps of a review item, from {@code review.items}: enough to tell readers its outcome, also
 * when another item turns out to duplicate it after it was resolved.
 *
 * @param version    the item's version this service has acted on, null before it acted on any; an event no newer
 *                   is not acted on again
 * @param resolution how it was resolved; null while it is not
 */
@Document("followed_items")
record FollowedItem(@Id String itemId, String articleId, Long version, Resolution resolution) {
}

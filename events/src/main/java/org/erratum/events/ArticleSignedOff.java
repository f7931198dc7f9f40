package org.erratum.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A clinician signed off an article as medically reviewed. It moves "last reviewed", sets the reviewer shown on
 * the page and restarts the review interval; it does not change the content.
 *
 * @param revision the revision that was reviewed
 * @param itemId   the review item the sign-off closed, or null for a sign-off outside the queue
 */
public record ArticleSignedOff(
        UUID eventId,
        Instant occurredAt,
        String articleId,
        int revision,
        Reviewer reviewer,
        Instant reviewedAt,
        String itemId) implements ErratumEvent {
}

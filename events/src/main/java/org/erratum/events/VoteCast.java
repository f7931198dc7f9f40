package org.erratum.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A reader's answer to "Was this article helpful?" for one revision. A reader who changes their mind casts a new
 * vote with the same {@code readerKey}; the newest vote per reader and revision counts.
 *
 * @param readerKey keyed hash of the anonymous reader id, never the id itself
 * @param reason    only when not helpful, and optional then
 */
public record VoteCast(
        UUID eventId,
        Instant occurredAt,
        String articleId,
        int revision,
        boolean helpful,
        NotHelpfulReason reason,
        String readerKey) implements ErratumEvent {

    public enum NotHelpfulReason { INACCURATE, OUT_OF_DATE, CONFUSING, MISSING_INFORMATION, OTHER }
}

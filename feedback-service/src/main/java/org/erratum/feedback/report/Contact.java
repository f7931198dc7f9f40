package org.erratum.feedback.report;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The address a reader gave, with consent, to hear the outcome of their report. Kept apart from the report so
 * the report can stay while the address goes: MongoDB deletes it at {@code expiresAt} through a TTL index, and
 * {@link ContactErasure} deletes it too, for stores that ignore TTL indexes (the embedded one) and for the minute
 * or so MongoDB's TTL monitor may lag.
 *
 * @param reportId the report it belongs to, also its id
 */
@Document("contacts")
public record Contact(
        @Id String reportId,
        String email,
        @Indexed(name = "expiry", expireAfter = "0s") Instant expiresAt) {
}

package org.erratum.review.signoff;

import java.time.Instant;

import org.erratum.events.Reviewer;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A clinical sign-off, kept as the review service's record and as its own outbox: {@code published} turns true
 * once Kafka acknowledged the {@code ArticleSignedOff} event.
 *
 * @param id the event id, derived from the senior reviewer and the request's idempotency key, so a retried request
 *           finds the sign-off it made instead of making another
 */
@Document("sign_offs")
public record SignOff(
        @Id String id,
        @Indexed String articleId,
        int revision,
        Reviewer reviewer,
        String signedOffBy,
        Instant reviewedAt,
        String itemId,
        @Indexed boolean published) {

    /** Whether a request for this sign-off asks for exactly what it recorded. */
    boolean isFor(String articleId, int revision, String itemId) {
        return this.articleId.equals(articleId) && this.revision == revision
                && java.util.Objects.equals(this.itemId, itemId);
    }

    SignOff asPublished() {
        return new SignOff(id, articleId, revision, reviewer, signedOffBy, reviewedAt, itemId, true);
    }
}

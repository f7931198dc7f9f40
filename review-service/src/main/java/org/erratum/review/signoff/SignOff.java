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
 * @param id the event id
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

    SignOff asPublished() {
        return new SignOff(id, articleId, revision, reviewer, signedOffBy, reviewedAt, itemId, true);
    }
}

package org.erratum.review.article;

import java.time.Instant;
import java.time.LocalDate;

import org.erratum.events.Reviewer;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** What the review service knows of an article, kept from {@code content.articles}. */
@Document("articles")
public record KnownArticle(
        @Id String id,
        long version,
        String slug,
        String title,
        int revision,
        Reviewer lastReviewedBy,
        Instant lastReviewedAt,
        LocalDate nextReviewDue) {

    public boolean hasRevision(int candidate) {
        return candidate >= 1 && candidate <= revision;
    }
}

package org.erratum.review.article;

import java.time.Instant;
import java.time.LocalDate;

import org.erratum.events.ArticleChanged.Owner;
import org.erratum.events.ArticleChanged.ReviewRequest;
import org.erratum.events.Reviewer;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the review service knows of an article, kept from {@code content.articles}.
 *
 * @param owner         who is reminded when its review falls due; null when the editors named nobody
 * @param reviewRequest the editors' standing request to review it now, if any
 * @param reviewRequestHandledAt the {@code at} of the newest request that has opened or joined a REVIEW_DUE item, so
 *                      a request redelivered (or the same state again after a restart) opens nothing more
 */
@Document("articles")
public record KnownArticle(
        @Id String id,
        long version,
        String slug,
        String title,
        int revision,
        Reviewer lastReviewedBy,
        Instant lastReviewedAt,
        LocalDate nextReviewDue,
        Owner owner,
        ReviewRequest reviewRequest,
        Instant reviewRequestHandledAt) {

    /** Whether the editors asked for a review that the queue has not taken up yet. */
    public boolean hasNewReviewRequest() {
        return reviewRequest != null && reviewRequest.at() != null
                && (reviewRequestHandledAt == null || reviewRequest.at().isAfter(reviewRequestHandledAt));
    }

    public boolean hasOwner() {
        return owner != null && owner.email() != null && !owner.email().isBlank();
    }


    public boolean hasRevision(int candidate) {
        return candidate >= 1 && candidate <= revision;
    }
}

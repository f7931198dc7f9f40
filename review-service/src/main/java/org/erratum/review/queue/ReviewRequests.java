package org.erratum.review.queue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.erratum.events.ArticleChanged;
import org.erratum.events.ArticleChanged.ReviewRequest;
import org.erratum.review.article.KnownArticle;
import org.erratum.review.article.KnownArticles;
import org.erratum.review.queue.ReviewItem.RequestedReview;
import org.springframework.stereotype.Service;

/**
 * Keeps the article projection from {@code content.articles} and takes up the editors' review requests: a request
 * newer than the last one taken up opens a REVIEW_DUE item saying why (or adds its reason to the open one). The
 * article remembers the newest request taken up, and the item each request's time, so neither a redelivered state nor
 * a crash between the two writes queues a request twice.
 */
@Service
public class ReviewRequests {

    private final KnownArticles articles;
    private final Signals signals;

    ReviewRequests(KnownArticles articles, Signals signals) {
        this.articles = articles;
        this.signals = signals;
    }

    public void track(ArticleChanged event) {
        articles.apply(event);
        articles.find(event.articleId()).filter(KnownArticle::hasNewReviewRequest).ifPresent(this::takeUp);
    }

    private void takeUp(KnownArticle article) {
        ReviewRequest request = article.reviewRequest();
        // as MongoDB keeps it, so the time that identifies the request compares equal when read back
        Instant at = request.at().truncatedTo(ChronoUnit.MILLIS);
        signals.requestReview(article.id(), new RequestedReview(request.reason(), request.by(), at));
        articles.reviewRequestHandled(article.id(), at);
    }
}

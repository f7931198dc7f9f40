package org.erratum.content.article;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.erratum.events.ArticleChanged.ReviewRequest;
import org.erratum.platform.web.Problems;
import org.erratum.platform.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * "Guidance changed": an editor marks every article of a topic as due for review now, saying why. Each article gets
 * the request and a "next review due" of that day at the latest, through the same outbox and announcement as every
 * change, so the review service opens review-due work for it. It is not a revision: text, revision and "last
 * modified" stay. The next clinical sign-off clears it.
 * <p>
 * Safe to repeat and to run on several instances at once: an article already carrying a request with the same
 * reason is left as it is, and each article changes in one atomic update guarded by its version.
 */
@Service
public class ReviewRequests {

    private static final Logger log = LoggerFactory.getLogger(ReviewRequests.class);

    /** Tries per article when another change lands between reading it and marking it. */
    private static final int MAX_ATTEMPTS = 5;

    private final ArticleStore store;
    private final Outbox<Article> outbox;
    private final Clock clock;

    ReviewRequests(ArticleStore store, Outbox<Article> outbox, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * What marking a topic did.
     *
     * @param marked        the articles this call marked, by title
     * @param alreadyMarked those that already carried a request with this reason (a repeated request), by title
     */
    public record Marking(String topic, String reason, List<Article> marked, List<Article> alreadyMarked) {
    }

    /** The topics articles are tagged with, each with how many articles carry it, alphabetically. */
    public Map<String, Long> topicsInUse() {
        return store.topicsInUse();
    }

    /**
     * @throws org.springframework.web.ErrorResponseException 400 naming {@code topic} or {@code reason}, with a
     *                                                        message a person can act on; nothing is changed
     */
    public Marking markTopic(String topic, String reason, String editor) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw invalid("reason", "Say why these articles need review, such as “New NICE guidance on asthma”");
        }
        if (why.length() > ArticleLimits.MAX_REVIEW_REASON) {
            throw invalid("reason", "Keep the reason to " + ArticleLimits.MAX_REVIEW_REASON + " characters or fewer");
        }
        String tag = topic == null ? "" : topic.strip().toLowerCase(Locale.ROOT);
        List<Article> articles = tag.isEmpty() ? List.of() : store.findByTopic(tag);
        if (articles.isEmpty()) {
            throw invalid("topic", "Choose one of the topics articles are tagged with");
        }
        ReviewRequest request = new ReviewRequest(why, clock.instant().truncatedTo(ChronoUnit.MILLIS), editor);
        List<Article> marked = new ArrayList<>();
        List<Article> alreadyMarked = new ArrayList<>();
        for (Article article : articles) {
            mark(article, request).ifPresentOrElse(marked::add, () -> alreadyMarked.add(article));
        }
        log.info("{} marked {} articles about {} as due for review ({} already were): {}", editor, marked.size(), tag,
                alreadyMarked.size(), why);
        return new Marking(tag, why, List.copyOf(marked), List.copyOf(alreadyMarked));
    }

    /** @return the marked article, or empty when it already carried a request with this reason */
    private Optional<Article> mark(Article read, ReviewRequest request) {
        Article current = read;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            if (current.reviewRequest() != null && current.reviewRequest().reason().equals(request.reason())) {
                return Optional.empty();
            }
            Optional<Article> marked = store.requestReview(current, request,
                    current.nextReviewDueWith(current.reviewIntervalMonths(), request), request.at());
            if (marked.isPresent()) {
                // a broker that does not acknowledge leaves it to the relay: the request is saved either way
                outbox.publishNow(marked.get());
                return marked;
            }
            // an edit, a sign-off or another request landed since the read: read it again
            current = store.findById(current.id()).orElseThrow();
        }
        throw Problems.conflict("Article " + read.id() + " kept changing while it was marked for review; try again");
    }

    private static RuntimeException invalid(String field, String message) {
        return Problems.invalidField(HttpStatus.BAD_REQUEST, field, message);
    }
}

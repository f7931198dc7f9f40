package org.erratum.content.reviewitem;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.erratum.events.ReportSubmitted.Category;
import org.erratum.events.ReviewItemChanged;
import org.erratum.events.ReviewItemChanged.Outcome;
import org.erratum.events.ReviewItemChanged.ReportedPassage;
import org.erratum.events.ReviewItemChanged.Resolution;
import org.erratum.events.ReviewItemChanged.Severity;
import org.erratum.events.ReviewItemChanged.State;
import org.erratum.testsupport.TopicProbe;

/** Review item states as review-service publishes them on {@code review.items}, sent to the real broker. */
public final class ReviewItemStates {

    private ReviewItemStates() {
    }

    public static String newItemId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    public static ReportedPassage passage(String text) {
        return new ReportedPassage(1, Category.SAFETY_CONCERN, text);
    }

    /** An item waiting or being worked on, with a senior reviewer's interim notice or none. */
    public static ReviewItemChanged open(String articleId, String itemId, long version, String safetyNotice,
            List<ReportedPassage> passages) {
        Instant now = Instant.now();
        return new ReviewItemChanged(UUID.randomUUID(), now, articleId, itemId, version, State.CLAIMED,
                Severity.URGENT, passages.size(), passages, null, now.plus(1, ChronoUnit.DAYS), safetyNotice, null);
    }

    public static ReviewItemChanged resolved(String articleId, String itemId, long version, int revision) {
        Instant now = Instant.now();
        return new ReviewItemChanged(UUID.randomUUID(), now, articleId, itemId, version, State.RESOLVED,
                Severity.URGENT, 1, List.of(passage("a passage")), null, null, null,
                new Resolution(Outcome.REVISED, revision, "We corrected the page.", null, now));
    }

    public static void publish(ReviewItemChanged state) {
        TopicProbe.publish(state);
    }
}

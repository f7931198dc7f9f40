package org.erratum.review.console;

import java.util.List;

import org.erratum.review.queue.ItemState;
import org.erratum.review.queue.Severity;
import org.erratum.review.queue.Source;

/** The queue page: the filtered items, most pressing first, and the filter form's choices. */
record QueuePage(QueueFilter filter, List<Row> rows, List<Option> states, List<Option> severities,
        List<Option> sources) {

    static QueuePage of(QueueFilter filter, List<Row> rows) {
        return new QueuePage(filter, rows, Option.of(ItemState.class, filter.state()),
                Option.of(Severity.class, filter.severity()), Option.of(Source.class, filter.source()));
    }

    /**
     * @param articleTitle the title the review service knows, or the article id until the article arrives
     * @param age          how long the item has been in the queue
     * @param fixNotVerified back in the queue because readers did not find its fix more helpful
     * @param reviewReason   why an editor asked for this review, the newest reason; null when none did
     */
    record Row(String id, String articleTitle, String severity, String severityClass, List<String> sources,
            int reportCount, String state, String claimedBy, String age, When createdAt, List<SlaBadge> badges,
            boolean breached, boolean fixNotVerified, String reviewReason) {
    }
}

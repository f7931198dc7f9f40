package org.erratum.review.console;

import java.util.List;

import org.erratum.review.queue.ItemState;
import org.erratum.review.queue.Severity;
import org.erratum.review.queue.Source;

/**
 * The queue page: a page of the filtered items, most pressing first, and the filter form's choices.
 *
 * @param paging which page that is, and whether more items follow
 * @param first  the position in the queue of the page's first item, from 1
 */
record QueuePage(QueueFilter filter, List<Row> rows, ItemPage.Paging paging, long first, List<Option> states,
        List<Option> severities, List<Option> sources) {

    static QueuePage of(QueueFilter filter, List<Row> rows, ItemPage.Paging paging, int pageSize) {
        return new QueuePage(filter, rows, paging, (paging.number() - 1L) * pageSize + 1,
                Option.of(ItemState.class, filter.state()), Option.of(Severity.class, filter.severity()),
                Option.of(Source.class, filter.source()));
    }

    /**
     * How many items match, where the page tells (one page only, or the last): otherwise which of them this page
     * shows, as counting them all would read every one.
     */
    public String caption() {
        long last = first + rows.size() - 1;
        if (!paging.newer()) {
            return paging.more() ? "Items 1 to " + last + ", most pressing first"
                    : rows.size() + (rows.size() == 1 ? " item" : " items") + ", most pressing first";
        }
        if (rows.isEmpty()) {
            return "No items this far down the queue";
        }
        return "Items " + first + " to " + last + (paging.more() ? "" : " of " + last) + ", most pressing first";
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

package org.erratum.review.console;

import java.util.List;
import java.util.Set;

import org.erratum.platform.web.Problems;
import org.erratum.review.queue.ItemQueries;
import org.springframework.http.HttpStatus;

/**
 * The item page: what readers reported, against the revision they saw, and what this reviewer may do about it.
 *
 * @param currentRevision the article's latest revision, when the article is known here
 * @param shown           the revision whose text is shown, or null when there is none to show
 * @param revisions       every revision the item's signals refer to, to switch between
 * @param reports         one page of the reports, newest first
 * @param reportsPage     which page that is, and whether older reports follow
 * @param activity        one page of the activity log, oldest first within it; page 1 holds the latest lines
 * @param activityPage    which page that is, and whether earlier lines follow
 * @param trend           how readers rate the article, revision by revision and week by week; null without votes
 * @param resolution      how the item was closed, once it is
 * @param diff            what changed from the revision readers saw to the current one; null when the article or the
 *                        revision readers saw is not known here
 * @param safetyNotice    the senior reviewer's notice on the article page, while it stands
 * @param editorUrl       the editor on the current revision, for "Correct this article"
 * @param answer          the newest revision an editor saved to answer this item, once there is one
 * @param verification    whether readers found the fix more helpful, once the item was resolved as revised
 * @param reviewRequests  why editors asked for this review, oldest first
 * @param readersToBeTold how many readers asked to hear the outcome (a count: their addresses stay in feedback)
 */
record ItemPage(String id, String articleId, String articleTitle, Integer currentRevision, String state,
        String severity, String severityClass, List<String> sources, int reportCount, String claimedBy,
        When leaseExpiresAt, boolean escalated, When createdAt, String age, List<SlaBadge> badges, Revision shown,
        List<Integer> revisions, List<ReportEntry> reports, Paging reportsPage, Helpfulness helpfulness, Trend trend,
        List<Entry> activity, Paging activityPage, Resolved resolution, Actions actions, RevisionDiff diff, Notice safetyNotice,
        String editorUrl, Answer answer, Verification verification, List<Requested> reviewRequests,
        int readersToBeTold) {

    /**
     * Where a page of a long list (reports, activity, the queue) is among all of it: page 1 shows the newest (of the
     * queue: the most pressing).
     *
     * @param more whether older entries follow on the next page
     */
    record Paging(int number, boolean more) {

        static Paging of(ItemQueries.Page<?> page) {
            return new Paging(page.number(), page.more());
        }

        public boolean newer() {
            return number > 1;
        }

        /** @throws org.springframework.web.ErrorResponseException 400 naming the field, for a page below 1 */
        static void requireValid(String field, int page) {
            if (page < 1) {
                throw Problems.invalidField(HttpStatus.BAD_REQUEST, field, "must be 1 or more");
            }
        }
    }

    /** An editor's request to review the article now, and why. */
    record Requested(String reason, String by, When at) {
    }

    /**
     * The fix verification of a REVISED resolution.
     *
     * @param status      {@code pending}, {@code verified} or {@code not-verified}
     * @param votes       the fixed revision's votes so far, while pending
     * @param minVotes    how many it needs before it is compared
     * @param measurement the figures it was decided on, e.g. "helpfulness 41% on revision 3 (120 votes) vs ..."
     */
    record Verification(String status, int revision, int readersSaw, long votes, int minVotes, String measurement) {
    }

    /** The interim safety notice: its text as readers see it, and who put it there when. */
    record Notice(String text, String by, When at) {
    }

    /**
     * A revision saved from "Correct this article" for this item.
     *
     * @param changeSummary what its editor said it changed, suggested as the reason readers are told
     */
    record Answer(int revision, String changeSummary) {
    }

    /**
     * One revision's text with its structure, split into marked (reported) and plain runs.
     *
     * @param available false when the review service has not received this revision's text (yet)
     * @param found     the reported passages found in it, as the readers quoted them
     */
    record Revision(int number, boolean available, List<Segment> title, List<Segment> summary,
            List<Section> sections, Set<String> found) {

        /** How many of the reported passages were found. */
        public int highlights() {
            return found.size();
        }
    }

    record Section(List<Segment> heading, List<Block> blocks) {
    }

    /**
     * A block of a section as readers saw it.
     *
     * @param kind   the block's {@link org.erratum.events.ArticleChanged.BlockType} name, e.g. {@code NUMBERED_LIST}
     * @param text   its own text (a list has none)
     * @param blocks a list's items, a callout's content, an item's paragraphs and nested lists
     */
    record Block(String kind, List<Segment> text, List<Block> blocks) {
    }

    /** @param passageNote where the passage is, relative to the revision shown; null without a passage */
    record ReportEntry(String category, String passage, String comment, int revision, When at, String passageNote) {
    }

    /** The low-helpfulness measurement that joined the item. */
    record Helpfulness(int revision, String score, long votes, String threshold) {
    }

    /** How readers rate the article: per revision, then per week over the last weeks, oldest first. */
    record Trend(List<TrendRevision> revisions, List<TrendWeek> weeks) {
    }

    /** @param helpful the share of helpful votes, as "75%" */
    record TrendRevision(int number, boolean current, long yes, long no, String helpful, String score) {
    }

    /**
     * @param startsOn       the week's Monday, ISO, for {@code <time datetime>}
     * @param helpful        the share of helpful votes, as "75%"; null in a week without votes
     * @param helpfulPercent the same share as a number, for the bar
     */
    record TrendWeek(String startsOn, String label, long votes, String helpful, int helpfulPercent) {
    }

    /** One line of the activity log. */
    record Entry(String action, String by, When at, String detail) {
    }

    /** @param publicReason what readers who asked to hear back are told, if the reviewer gave it */
    record Resolved(String outcome, Integer revision, String summary, String publicReason, String duplicateOf,
            String by, When at) {
    }
}

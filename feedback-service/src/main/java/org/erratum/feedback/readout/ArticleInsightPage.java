package org.erratum.feedback.readout;

import java.util.List;

/**
 * One article's helpfulness and reports: per revision (did a correction help?), week by week with the revisions
 * marked, reports by category in the last 7, 30 and 90 days, and the newest reports in the readers' own words.
 *
 * @param publicUrl the article's public page, null while its slug is unknown
 * @param editUrl   the article in the content service's editor
 * @param trend     null when no reader voted in the period
 * @param reports   null when there was no report in 90 days
 */
record ArticleInsightPage(String articleId, String title, String publicUrl, String editUrl, int revision,
        List<RevisionLine> revisions, TrendChart trend, List<WeekLine> weeks, int trendWeeks, BarChart reports,
        List<String> categories, List<WindowLine> windows, List<BarChart.Series> categorySeries,
        List<LatestReport> latestReports) {

    /**
     * @param published when it was published, null when this service did not see it published (it knew the
     *                  article only from a later state)
     * @param current   the revision readers see now
     */
    record RevisionLine(int revision, String published, String publishedIso, String changeSummary,
            String significance, long yes, long no, String share, String score, boolean current) {
    }

    /** @param revisions the revisions published in the week, e.g. "2" or "2, 3"; empty when none */
    record WeekLine(String startsOn, String startsOnIso, long yes, long no, long votes, String share,
            String revisions) {
    }

    /** @param categories one count per category, in the order of the page's categories */
    record WindowLine(int days, long total, List<Long> categories) {
    }

    /** A reader's report; its passage and comment are reader text, which the page prints as text. */
    record LatestReport(String acceptedOn, String acceptedIso, int revision, String category, String passage,
            String comment) {
    }
}

package org.erratum.feedback.readout;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.erratum.events.ReportSubmitted.Category;

/**
 * The reports readout: how many genuine reports each article received recently.
 *
 * @param asOf     the end of every window
 * @param articles the articles with at least one report in the widest window asked for, most reported first
 */
record ArticleReports(Instant asOf, List<Article> articles) {

    /**
     * @param windows one entry per window asked for, shortest first
     */
    record Article(String articleId, String title, String slug, List<WindowCount> windows) {

        long reportsIn(ReportWindow window) {
            return windows.stream().filter(count -> count.days() == window.days())
                    .mapToLong(WindowCount::reports).findFirst().orElse(0);
        }
    }

    /**
     * @param days       the window: reports accepted in the last {@code days} × 24 hours
     * @param categories how many reports of each category, every category present
     */
    record WindowCount(int days, long reports, Map<Category, Long> categories) {
    }
}

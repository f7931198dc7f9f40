package org.erratum.feedback.readout;

import java.util.List;

/**
 * The editorial overview: the least helpful articles, the most reported ones in a chosen window, and the CSV
 * export. Each chart is null when there is nothing to draw.
 *
 * @param days       the window the reports chart and table count in
 * @param categories the report categories as the reports table's columns name them
 */
record OverviewPage(List<HelpfulnessLine> leastHelpful, BarChart leastHelpfulChart, int days,
        List<WindowOption> windows, List<String> categories, List<ReportLine> reports, BarChart reportsChart,
        List<BarChart.Series> categorySeries, ExportForm export) {

    /**
     * @param title       the article's title, or its id while the projection has no title for it
     * @param insightPath the article's page here
     * @param publicUrl   the article's public page, null while its slug is unknown
     */
    record HelpfulnessLine(String title, String insightPath, String publicUrl, int revision, long yes, long no,
            String share, String score) {
    }

    /** @param categories one count per category, in the order of the page's categories */
    record ReportLine(String title, String insightPath, String publicUrl, long total, List<Long> categories) {
    }

    record WindowOption(int days, boolean current) {
    }

    /**
     * @param problem why the last export was refused, or null
     */
    record ExportForm(String from, String to, PageProblem problem) {
    }
}

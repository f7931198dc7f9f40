package org.erratum.feedback.readout;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * Settings of the editorial readouts and their pages ({@code erratum.feedback.readouts.*}).
 *
 * @param defaultLimit  how many articles a readout lists when the request does not say
 * @param maxLimit      the most articles one readout lists
 * @param exportMaxDays the longest date range one CSV export covers, counting both ends
 * @param exportMaxRows the most feedback items one CSV export holds; a range holding more is refused, so an export
 *                      is never silently cut short
 * @param trendWeeks    weeks (Monday to Sunday, UTC; the current one included) in an article page's helpfulness chart
 * @param latestReports how many of an article's newest reports its page lists
 * @param editorBaseUrl where the content service's editor screens live; the pages link to {@code <base>/editor}
 */
@ConfigurationProperties("erratum.feedback.readouts")
record ReadoutProperties(
        @DefaultValue("20") int defaultLimit,
        @DefaultValue("100") int maxLimit,
        @DefaultValue("366") int exportMaxDays,
        @DefaultValue("100000") int exportMaxRows,
        @DefaultValue("12") int trendWeeks,
        @DefaultValue("10") int latestReports,
        @DefaultValue("http://localhost:8081") URI editorBaseUrl) {

    /** More weeks than fit the chart's width legibly. */
    private static final int MAX_TREND_WEEKS = 52;

    ReadoutProperties {
        Assert.isTrue(defaultLimit >= 1 && defaultLimit <= maxLimit,
                "erratum.feedback.readouts.default-limit must be between 1 and max-limit");
        Assert.isTrue(exportMaxDays >= 1, "erratum.feedback.readouts.export-max-days must be positive");
        Assert.isTrue(exportMaxRows >= 1, "erratum.feedback.readouts.export-max-rows must be positive");
        Assert.isTrue(trendWeeks >= 1 && trendWeeks <= MAX_TREND_WEEKS,
                "erratum.feedback.readouts.trend-weeks must be between 1 and " + MAX_TREND_WEEKS);
        Assert.isTrue(latestReports >= 0, "erratum.feedback.readouts.latest-reports must not be negative");
        Assert.isTrue(editorBaseUrl.isAbsolute(), "erratum.feedback.readouts.editor-base-url must be an absolute URL");
    }
}

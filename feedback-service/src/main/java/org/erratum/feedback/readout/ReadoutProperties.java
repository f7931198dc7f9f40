package org.erratum.feedback.readout;

import java.net.URI;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the editorial readouts and their pages ({@code erratum.feedback.readouts.*}).
 *
 * @param defaultLimit  how many articles a readout lists when the request does not say; at most {@value #MAX_LIMIT},
 *                      the most a request may ask for
 * @param exportMaxDays the longest date range one CSV export covers, counting both ends
 * @param exportMaxRows the most feedback items one CSV export holds; a range holding more is refused, so an export
 *                      is never silently cut short
 * @param trendWeeks    weeks (Monday to Sunday, UTC; the current one included) in an article page's helpfulness chart
 * @param latestReports how many of an article's newest reports its page lists
 * @param editorBaseUrl where the content service's editor screens live; the pages link to {@code <base>/editor}
 */
@Validated
@ConfigurationProperties("erratum.feedback.readouts")
record ReadoutProperties(
        @DefaultValue("20") @Positive @Max(MAX_LIMIT) int defaultLimit,
        @DefaultValue("366") @Positive int exportMaxDays,
        @DefaultValue("100000") @Positive int exportMaxRows,
        @DefaultValue("12") @Positive @Max(MAX_TREND_WEEKS) int trendWeeks,
        @DefaultValue("10") @PositiveOrZero int latestReports,
        @DefaultValue("http://localhost:8081") @NotNull URI editorBaseUrl) {

    /** The most articles one readout lists: the bound of a request's {@code limit}. */
    static final int MAX_LIMIT = 100;
    static final String LIMITS = "must be a whole number from 1 to " + MAX_LIMIT;

    /** More weeks than fit the chart's width legibly. */
    static final int MAX_TREND_WEEKS = 52;

    /** @param limit as the request asked, already within bounds, or null for the default */
    int limitOrDefault(Integer limit) {
        return limit == null ? defaultLimit : limit;
    }

    @AssertTrue(message = "editor-base-url must be an absolute URL")
    boolean isEditorBaseUrlAbsolute() {
        return editorBaseUrl == null || editorBaseUrl.isAbsolute();
    }
}

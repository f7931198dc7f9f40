package org.erratum.content.config;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the content service.
 *
 * @param reviewIntervalMonths  months from a clinical sign-off (or first publication) to the next review due, for
 *                              articles created without their own interval: {@code erratum.content.review-interval-months=24}
 * @param feedbackBaseUrl       where the feedback forms on the article page post to (the feedback service):
 *                              {@code erratum.content.feedback-base-url=http://localhost:8082}
 * @param reviewDueSoon         the editor's article list marks an article "due soon" this long before its next review
 *                              falls due: {@code erratum.content.review-due-soon=30d}
 * @param consoleBaseUrl        the review console, for the editor's links back to a review item:
 *                              {@code erratum.content.console-base-url=http://localhost:8083}
 * @param insightBaseUrl        the editorial insight pages (feedback service) the editor's navigation links to:
 *                              {@code erratum.content.insight-base-url=http://localhost:8082}
 */
@Validated
@ConfigurationProperties("erratum.content")
public record ContentProperties(
        @DefaultValue("24") @Positive @Max(MAX_REVIEW_INTERVAL_MONTHS) int reviewIntervalMonths,
        @DefaultValue("http://localhost:8082") @NotNull URI feedbackBaseUrl,
        @DefaultValue("30d") @NotNull Duration reviewDueSoon,
        @DefaultValue("http://localhost:8083") @NotNull URI consoleBaseUrl,
        @DefaultValue("http://localhost:8082") @NotNull URI insightBaseUrl) {

    /** Ten years: a longer interval would be a typo rather than an editorial decision. */
    public static final int MAX_REVIEW_INTERVAL_MONTHS = 120;

    /** The feedback form action for {@code path}, e.g. {@code /feedback/votes}. */
    public String feedbackUrl(String path) {
        return join(feedbackBaseUrl, path);
    }

    /** A review item's page in the review console. */
    public String consoleItemUrl(String itemId) {
        return join(consoleBaseUrl, "/console/items/" + itemId);
    }

    /** The editorial insight pages. */
    public String insightUrl() {
        return join(insightBaseUrl, "/editorial");
    }

    private static String join(URI base, String path) {
        String text = base.toString();
        return (text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + path;
    }
}

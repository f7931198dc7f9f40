package org.erratum.content.page;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the article page's "report a problem" prompt respects the reviewers' capacity
 * ({@code erratum.content.report-prompt.*}).
 *
 * @param backlogCapacity  active review items (not resolved) the team can work through; above it the prompt is
 *                         shown to a share of readers only
 * @param shareOverCapacity the share of readers (0 to 1, in steps of 0.01) shown the full prompt while the backlog is
 *                         over capacity; the others can still report a safety problem, and every reader can vote
 * @param refreshInterval  how often the backlog is counted from the {@code review.items} projection
 * @param rememberFor      how long a reader's browser keeps the number that decides whether they see the prompt,
 *                         so their choice stays the same across page loads
 */
@Validated
@ConfigurationProperties("erratum.content.report-prompt")
public record ReportPromptProperties(
        @DefaultValue("50") @PositiveOrZero long backlogCapacity,
        @DefaultValue("0.25") @DecimalMin("0.0") @DecimalMax("1.0") double shareOverCapacity,
        @DefaultValue("30s") @NotNull Duration refreshInterval,
        @DefaultValue("30d") @NotNull Duration rememberFor) {
}

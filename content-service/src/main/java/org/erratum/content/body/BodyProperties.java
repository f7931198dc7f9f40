package org.erratum.content.body;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of what an editor may save as article text ({@code erratum.content.body.*}). They apply when an article is
 * saved; a stored article always renders, whatever the limits were then.
 *
 * @param maxSectionLength characters in one section's body
 * @param maxArticleLength characters in all the bodies of an article together: the article's state on
 *                         {@code content.articles} carries them twice (as written and as plain text), and must stay
 *                         well under Kafka's default record limit of 1 MB
 * @param maxListDepth     how deep lists may nest: 2 allows numbered groups with numbered sub-items
 */
@Validated
@ConfigurationProperties("erratum.content.body")
public record BodyProperties(
        @DefaultValue("20000") @Positive @Max(100_000) int maxSectionLength,
        @DefaultValue("200000") @Positive @Max(300_000) int maxArticleLength,
        @DefaultValue("2") @Min(1) @Max(4) int maxListDepth) {
}

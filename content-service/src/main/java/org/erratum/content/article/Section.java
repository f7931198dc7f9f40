package org.erratum.content.article;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * One titled part of an article, in reading order.
 *
 * @param heading plain text
 * @param body    what the editor wrote, in the article body format (a CommonMark subset, see
 *                {@link org.erratum.content.body.BodyRules}); a body saved before the format is plain text, which
 *                reads as one paragraph. Its length limit is a setting, checked with the rest of the format.
 */
public record Section(
        @NotBlank @Size(max = ArticleLimits.MAX_HEADING) String heading,
        @NotBlank String body) {
}

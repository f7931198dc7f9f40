package org.erratum.content.article;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A cited source. The address is optional (a printed source has none) and must be a web address, which includes
 * DOI links such as {@code https://doi.org/10.1136/bmj.n71}.
 */
public record Reference(
        @NotBlank @Size(max = ArticleLimits.MAX_CITATION) String citation,
        @Size(max = ArticleLimits.MAX_URL) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) address") String url) {
}

package org.erratum.content.article;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** One titled part of an article, in reading order. */
public record Section(
        @NotBlank @Size(max = 200) String heading,
        @NotBlank @Size(max = 20_000) String body) {
}

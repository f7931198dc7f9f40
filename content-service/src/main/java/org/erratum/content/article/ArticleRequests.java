package org.erratum.content.article;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.erratum.content.config.ContentProperties;
import org.erratum.events.ArticleChanged.Significance;

/** The JSON bodies editors send. Limits keep a page readable and a Kafka record well under its size limit. */
final class ArticleRequests {

    static final int MAX_SECTIONS = 50;
    static final int MAX_REFERENCES = 100;
    static final int MAX_AUTHORS = 20;

    private ArticleRequests() {
    }

    /** The slug is the page address: lower-case words joined by single hyphens, fixed once published. */
    record Create(
            @NotBlank @Size(max = 120) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*",
                    message = "must be lower-case letters and digits in words joined by single hyphens") String slug,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 1000) String summary,
            @NotEmpty @Size(max = MAX_SECTIONS) List<@NotNull @Valid Section> sections,
            @Size(max = MAX_REFERENCES) List<@NotNull @Valid Reference> references,
            @NotEmpty @Size(max = MAX_AUTHORS) List<@NotBlank @Size(max = 200) String> authors,
            @Positive @Max(ContentProperties.MAX_REVIEW_INTERVAL_MONTHS) Integer reviewIntervalMonths) {

        ArticleContent content() {
            return new ArticleContent(title, summary, sections, references, authors);
        }
    }

    /** @param expectedRevision the revision the editor started from; a newer one on the server means 409 */
    record Revise(
            @NotNull @Positive Integer expectedRevision,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 1000) String summary,
            @NotEmpty @Size(max = MAX_SECTIONS) List<@NotNull @Valid Section> sections,
            @Size(max = MAX_REFERENCES) List<@NotNull @Valid Reference> references,
            @NotEmpty @Size(max = MAX_AUTHORS) List<@NotBlank @Size(max = 200) String> authors,
            @NotBlank @Size(max = 500) String changeSummary,
            @NotNull Significance significance) {

        ArticleContent content() {
            return new ArticleContent(title, summary, sections, references, authors);
        }
    }
}

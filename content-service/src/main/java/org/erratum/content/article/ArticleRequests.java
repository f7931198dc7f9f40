package org.erratum.content.article;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.erratum.content.config.ContentProperties;
import org.erratum.events.ArticleChanged.Owner;
import org.erratum.events.ArticleChanged.Significance;

/** The JSON bodies editors send. Limits keep a page readable and a Kafka record well under its size limit. */
final class ArticleRequests {

    private ArticleRequests() {
    }

    /** The slug is the page address: lower-case words joined by single hyphens, fixed once published. */
    record Create(
            @NotBlank @Size(max = ArticleLimits.MAX_SLUG) @Pattern(regexp = ArticleLimits.SLUG,
                    message = ArticleLimits.SLUG_MESSAGE) String slug,
            @NotBlank @Size(max = ArticleLimits.MAX_TITLE) String title,
            @NotBlank @Size(max = ArticleLimits.MAX_SUMMARY) String summary,
            @NotEmpty @Size(max = ArticleLimits.MAX_SECTIONS) List<@NotNull @Valid Section> sections,
            @Size(max = ArticleLimits.MAX_REFERENCES) List<@NotNull @Valid Reference> references,
            @NotEmpty @Size(max = ArticleLimits.MAX_AUTHORS)
            List<@NotBlank @Size(max = ArticleLimits.MAX_AUTHOR) String> authors,
            @Positive @Max(ContentProperties.MAX_REVIEW_INTERVAL_MONTHS) Integer reviewIntervalMonths,
            @Valid OwnerBody owner,
            @Size(max = ArticleLimits.MAX_TOPICS)
            List<@NotBlank @Size(max = ArticleLimits.MAX_TOPIC) String> topics) {

        ArticleContent content() {
            return new ArticleContent(title, summary, sections, references, authors);
        }

        ArticleSettings settings() {
            return new ArticleSettings(owner == null ? null : owner.owner(), reviewIntervalMonths, topics);
        }
    }

    /** @param expectedRevision the revision the editor started from; a newer one on the server means 409 */
    record Revise(
            @NotNull @Positive Integer expectedRevision,
            @NotBlank @Size(max = ArticleLimits.MAX_TITLE) String title,
            @NotBlank @Size(max = ArticleLimits.MAX_SUMMARY) String summary,
            @NotEmpty @Size(max = ArticleLimits.MAX_SECTIONS) List<@NotNull @Valid Section> sections,
            @Size(max = ArticleLimits.MAX_REFERENCES) List<@NotNull @Valid Reference> references,
            @NotEmpty @Size(max = ArticleLimits.MAX_AUTHORS)
            List<@NotBlank @Size(max = ArticleLimits.MAX_AUTHOR) String> authors,
            @NotBlank @Size(max = ArticleLimits.MAX_CHANGE_SUMMARY) String changeSummary,
            @NotNull Significance significance,
            @Size(max = ArticleLimits.MAX_ITEM_ID) @Pattern(regexp = ArticleLimits.ITEM_ID,
                    message = "must be a review item id") String answersItem,
            @Positive @Max(ContentProperties.MAX_REVIEW_INTERVAL_MONTHS) Integer reviewIntervalMonths,
            @Valid OwnerBody owner,
            @Size(max = ArticleLimits.MAX_TOPICS)
            List<@NotBlank @Size(max = ArticleLimits.MAX_TOPIC) String> topics) {

        ArticleEdit edit() {
            return new ArticleEdit(expectedRevision, new ArticleContent(title, summary, sections, references, authors),
                    new ArticleSettings(owner == null ? null : owner.owner(), reviewIntervalMonths, topics),
                    changeSummary, significance, answersItem);
        }
    }

    /** Optional on the API (an article without one keeps none, or the one it has); required on the editor's form. */
    record OwnerBody(@NotBlank @Size(max = ArticleLimits.MAX_OWNER_NAME) String name,
            @NotBlank @Email @Size(max = ArticleLimits.MAX_EMAIL) String email) {

        Owner owner() {
            return new Owner(name.strip(), email.strip());
        }
    }
}

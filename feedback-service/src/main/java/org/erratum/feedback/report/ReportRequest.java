package org.erratum.feedback.report;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.erratum.events.ReportSubmitted.Category;

/**
 * A problem report as the JSON API and the HTML form send it.
 *
 * @param revision       the revision the reader saw
 * @param passage        the text the reader quoted, optional
 * @param contactEmail   optional; only together with {@code contactConsent=true}
 * @param contactConsent the reader agrees to be written to about the outcome
 */
public record ReportRequest(
        @NotBlank @Size(max = 200) String articleId,
        @NotNull Integer revision,
        @NotNull Category category,
        @Size(max = 500) String passage,
        @NotBlank @Size(max = 2000) String comment,
        @Email @Size(max = 254) String contactEmail,
        Boolean contactConsent) {
}

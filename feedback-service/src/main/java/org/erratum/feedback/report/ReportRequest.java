package org.erratum.feedback.report;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.erratum.events.ReportSubmitted.Category;
import org.erratum.feedback.intake.TextRules;

/**
 * A problem report as the JSON API and the HTML form send it.
 *
 * @param revision       the revision the reader saw
 * @param passage        the text the reader quoted, optional
 * @param contactEmail   optional; only together with {@code contactConsent=true}
 * @param contactConsent the reader agrees to be written to about the outcome
 * @param formToken      the signed time the article page was rendered; required from the HTML form, optional in
 *                       the API
 * @param website        the honeypot: hidden from people, so anything in it marks a bot
 */
public record ReportRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = TextRules.ARTICLE_ID, message = TextRules.ARTICLE_ID_MESSAGE)
        String articleId,
        @NotNull Integer revision,
        @NotNull Category category,
        @Size(max = 500) @Pattern(regexp = TextRules.READABLE_TEXT, message = TextRules.READABLE_TEXT_MESSAGE)
        String passage,
        @NotBlank @Size(max = 2000)
        @Pattern(regexp = TextRules.READABLE_TEXT, message = TextRules.READABLE_TEXT_MESSAGE)
        String comment,
        @Email @Size(max = 254) String contactEmail,
        Boolean contactConsent,
        @Size(max = 200) String formToken,
        String website) {
}

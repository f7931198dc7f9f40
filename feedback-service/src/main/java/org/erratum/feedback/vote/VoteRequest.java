package org.erratum.feedback.vote;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.erratum.events.VoteCast.NotHelpfulReason;
import org.erratum.feedback.intake.TextRules;

/**
 * "Was this article helpful?", as the JSON API and the HTML form send it.
 *
 * @param revision  the revision the reader saw
 * @param reason    only with {@code helpful=false}, and optional then
 * @param formToken the signed time the article page was rendered; required from the HTML form, optional in the API
 * @param website   the honeypot: hidden from people, so anything in it marks a bot
 */
public record VoteRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = TextRules.ARTICLE_ID, message = TextRules.ARTICLE_ID_MESSAGE)
        String articleId,
        @NotNull Integer revision,
        @NotNull Boolean helpful,
        NotHelpfulReason reason,
        @Size(max = 200) String formToken,
        String website) {
}

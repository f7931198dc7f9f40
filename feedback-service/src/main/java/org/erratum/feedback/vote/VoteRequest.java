package org.erratum.feedback.vote;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.erratum.events.VoteCast.NotHelpfulReason;

/**
 * "Was this article helpful?", as the JSON API and the HTML form send it.
 *
 * @param revision the revision the reader saw
 * @param reason   only with {@code helpful=false}, and optional then
 */
public record VoteRequest(
        @NotBlank @Size(max = 200) String articleId,
        @NotNull Integer revision,
        @NotNull Boolean helpful,
        NotHelpfulReason reason) {
}

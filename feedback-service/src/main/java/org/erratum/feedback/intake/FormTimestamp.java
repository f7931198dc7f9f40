package org.erratum.feedback.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.erratum.platform.web.FormTokens;
import org.erratum.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.util.StringUtils;

/**
 * Checks the signed time the article page was rendered. A bot posts within moments of fetching the page, so a form
 * that comes back sooner than the minimum is spam; one that comes back after days was stamped for a page the
 * reader should reload, since the revision they saw may be gone.
 */
final class FormTimestamp {

    static final String FIELD = "formToken";

    static final String TOO_FAST = "sent sooner after the page was rendered than a person could";

    private final FormTokens tokens;
    private final Duration minAge;
    private final Duration maxAge;

    FormTimestamp(FormTokens tokens, Duration minAge, Duration maxAge) {
        this.tokens = tokens;
        this.minAge = minAge;
        this.maxAge = maxAge;
    }

    /**
     * @return the spam reason when the form came back too fast, empty otherwise (also when an API call sent none)
     * @throws org.springframework.web.ErrorResponseException 400 naming {@code formToken}: missing from a form,
     *                                                         malformed, forged, for another article, from the
     *                                                         future, or too old
     */
    Optional<String> check(Channel channel, String token, String articleId, Instant now) {
        if (!StringUtils.hasText(token)) {
            if (channel == Channel.FORM) {
                throw invalid("is missing; please reload the article page and send your feedback again");
            }
            return Optional.empty();
        }
        Duration age;
        try {
            age = tokens.age(token, articleId, now);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        if (age.compareTo(maxAge) > 0) {
            throw invalid("has expired; please reload the article page and send your feedback again");
        }
        return age.compareTo(minAge) < 0 ? Optional.of(TOO_FAST) : Optional.empty();
    }

    private static RuntimeException invalid(String message) {
        return Problems.invalidField(HttpStatus.BAD_REQUEST, FIELD, message);
    }
}

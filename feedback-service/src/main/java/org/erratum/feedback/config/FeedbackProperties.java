package org.erratum.feedback.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the feedback service ({@code erratum.feedback.*}).
 *
 * @param readerKeySecret     key of the HMAC that turns the anonymous reader id into the stored and published
 *                            reader key; anyone holding it can link a cookie to its votes, so production sets its
 *                            own through the environment ({@code ERRATUM_FEEDBACK_READER_KEY_SECRET})
 * @param articlePageBaseUrl  where the public article pages live; form posts redirect back to
 *                            {@code <base>/articles/<slug>}
 * @param contactRetention    how long a reader's consented contact email is kept before it is erased
 * @param contactErasureInterval how often expired contact emails are erased
 * @param readerCookie        the anonymous reader cookie
 * @param allowedOrigins      origins whose pages may call the JSON API from a script, with the reader cookie
 *                            (CORS); the article site's origin. The HTML forms need no entry: a form post is not
 *                            subject to CORS
 */
@Validated
@ConfigurationProperties("erratum.feedback")
public record FeedbackProperties(
        @NotBlank String readerKeySecret,
        @DefaultValue("http://localhost:8081") @NotNull URI articlePageBaseUrl,
        @DefaultValue("90d") @NotNull Duration contactRetention,
        @DefaultValue("1h") @NotNull Duration contactErasureInterval,
        @DefaultValue @Valid ReaderCookie readerCookie,
        @DefaultValue("http://localhost:8081") @NotNull List<String> allowedOrigins) {

    /**
     * @param secure send the cookie over HTTPS only; false only for development on plain HTTP
     * @param maxAge how long a browser keeps the reader id, i.e. how long a reader can still change a vote
     */
    public record ReaderCookie(@DefaultValue("false") boolean secure, @DefaultValue("365d") @NotNull Duration maxAge) {
    }
}

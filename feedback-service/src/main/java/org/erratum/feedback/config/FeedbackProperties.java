package org.erratum.feedback.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

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
 * @param helpfulness         the smoothed helpfulness score
 * @param allowedOrigins      origins whose pages may call the JSON API from a script, with the reader cookie
 *                            (CORS); the article site's origin. The HTML forms need no entry: a form post is not
 *                            subject to CORS
 */
@ConfigurationProperties("erratum.feedback")
public record FeedbackProperties(
        String readerKeySecret,
        @DefaultValue("http://localhost:8081") URI articlePageBaseUrl,
        @DefaultValue("90d") Duration contactRetention,
        @DefaultValue("1h") Duration contactErasureInterval,
        @DefaultValue ReaderCookie readerCookie,
        @DefaultValue Helpfulness helpfulness,
        @DefaultValue("http://localhost:8081") List<String> allowedOrigins) {

    public FeedbackProperties {
        Assert.hasText(readerKeySecret, "erratum.feedback.reader-key-secret must be set");
    }

    /**
     * @param secure send the cookie over HTTPS only; false only for development on plain HTTP
     * @param maxAge how long a browser keeps the reader id, i.e. how long a reader can still change a vote
     */
    public record ReaderCookie(@DefaultValue("false") boolean secure, @DefaultValue("365d") Duration maxAge) {
    }

    /**
     * The score is {@code (yes + priorWeight × priorRatio) / (yes + no + priorWeight)}: a revision starts at the
     * prior ratio and moves toward its own ratio as votes arrive, so two "no" votes do not sink an article.
     *
     * @param priorWeight how many imaginary votes the prior is worth
     * @param priorRatio  the helpful ratio assumed before any vote, between 0 and 1
     */
    public record Helpfulness(@DefaultValue("10") double priorWeight, @DefaultValue("0.75") double priorRatio) {

        public Helpfulness {
            Assert.isTrue(priorWeight > 0, "erratum.feedback.helpfulness.prior-weight must be positive");
            Assert.isTrue(priorRatio >= 0 && priorRatio <= 1,
                    "erratum.feedback.helpfulness.prior-ratio must be between 0 and 1");
        }
    }
}

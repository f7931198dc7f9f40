package org.erratum.platform.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.erratum.platform.security.KeyedHash;

/**
 * Signed form timestamps: the article page stamps each feedback form with when it was rendered, signed with a key
 * the content and feedback services share, so the feedback service can tell how long a reader took to submit
 * (bots are fast) and that the stamp was not made up. Format: {@code <epochMillis>.<base64url HMAC-SHA256>} over
 * {@code articleId:epochMillis}.
 */
public final class FormTokens {

    private final KeyedHash hash;

    public FormTokens(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("erratum.form-token.secret must be set");
        }
        this.hash = new KeyedHash(secret.getBytes(StandardCharsets.UTF_8));
    }

    public String issue(String articleId, Instant renderedAt) {
        long millis = renderedAt.toEpochMilli();
        return millis + "." + signature(articleId, millis);
    }

    /**
     * @return how long ago the form was rendered
     * @throws IllegalArgumentException when the token is malformed, forged, for another article, or from the future
     */
    public Duration age(String token, String articleId, Instant now) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0) {
            throw new IllegalArgumentException("is not a form token");
        }
        long millis;
        try {
            millis = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not a form token");
        }
        byte[] expected = signature(articleId, millis).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            throw new IllegalArgumentException("was not issued for this article");
        }
        Duration age = Duration.between(Instant.ofEpochMilli(millis), now);
        if (age.isNegative()) {
            throw new IllegalArgumentException("is dated in the future");
        }
        return age;
    }

    private String signature(String articleId, long millis) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash.of(articleId + ":" + millis));
    }
}

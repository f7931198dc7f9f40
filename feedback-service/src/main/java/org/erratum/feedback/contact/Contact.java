package org.erratum.feedback.contact;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The address a reader gave, with consent, to hear back about their report, and what the service needs to write to
 * them: the report's event id as its id (the id the review queue names when the report joins an item), and which
 * item's outcome they will be told. Kept apart from the report so the report can stay while the address goes:
 * it is erased once the outcome is sent, when the reader asks, or at {@code expiresAt}, whichever comes first
 * (MongoDB's TTL index, and {@link ContactErasure} for stores without TTL support).
 *
 * @param reportId        the report it belongs to, also the report's event id
 * @param articleId       the article reported on
 * @param itemId          the review item the report joined; null until the review queue said which
 * @param awaits          the review item whose outcome the reader will be told: the one the report joined, or the
 *                        one that turned out to duplicate; null until the report joined one
 * @param acknowledgeBy   when the acknowledgement goes even without the item's deadline; null once it went
 * @param erasureToken    the random secret in the link that erases the address at once
 */
@Document("contacts")
public record Contact(
        @Id String reportId,
        String email,
        String articleId,
        @Indexed(name = "expiry", expireAfter = "0s") Instant expiresAt,
        String itemId,
        @Indexed(name = "awaits") String awaits,
        @Indexed(name = "acknowledgement", sparse = true) Instant acknowledgeBy,
        String erasureToken) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;

    /** A consented address, as intake stores it. */
    public static Contact consented(String reportId, String email, String articleId, Instant at,
            ReaderMailProperties mail, Duration retention) {
        Instant now = at.truncatedTo(ChronoUnit.MILLIS);
        byte[] token = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(token);
        return new Contact(reportId, email, articleId, now.plus(retention), null, null,
                now.plus(mail.acknowledgementFallback()),
                Base64.getUrlEncoder().withoutPadding().encodeToString(token));
    }

    /** Compares in constant time, so how long a refusal takes says nothing about the token. */
    boolean erasableWith(String token) {
        return token != null && MessageDigest.isEqual(erasureToken.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }
}

package org.erratum.feedback.intake;

import java.time.Duration;
import java.time.Instant;

import org.erratum.platform.web.FormTokens;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FormTimestampTests {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final FormTokens tokens = new FormTokens("test-form-secret");
    private final FormTimestamp timestamp = new FormTimestamp(tokens, Duration.ofSeconds(2), Duration.ofDays(7));

    @Test
    void aFormSentAfterAReadersPauseIsFine() {
        String token = tokens.issue("article-1", NOW.minusSeconds(45));

        assertThat(timestamp.check(Channel.FORM, token, "article-1", NOW)).isEmpty();
    }

    @Test
    void aFormSentWithinTheMinimumTimeIsSpam() {
        String token = tokens.issue("article-1", NOW.minusMillis(800));

        assertThat(timestamp.check(Channel.FORM, token, "article-1", NOW)).hasValue(FormTimestamp.TOO_FAST);
        assertThat(timestamp.check(Channel.API, token, "article-1", NOW)).hasValue(FormTimestamp.TOO_FAST);
    }

    @Test
    void aFormWithoutATokenIsRefusedButAnApiCallMayLeaveItOut() {
        assertRefused(Channel.FORM, null, "is missing");
        assertRefused(Channel.FORM, "", "is missing");
        assertThat(timestamp.check(Channel.API, null, "article-1", NOW)).isEmpty();
        assertThat(timestamp.check(Channel.API, " ", "article-1", NOW)).isEmpty();
    }

    @Test
    void aMalformedForgedOrBorrowedTokenIsRefusedFromEitherChannel() {
        String forOtherArticle = tokens.issue("article-2", NOW.minusSeconds(30));
        String forged = new FormTokens("another-secret").issue("article-1", NOW.minusSeconds(30));

        for (Channel channel : Channel.values()) {
            assertRefused(channel, "not-a-token", "is not a form token");
            assertRefused(channel, "12x.abc", "is not a form token");
            assertRefused(channel, forged, "was not issued for this article");
            assertRefused(channel, forOtherArticle, "was not issued for this article");
        }
    }

    @Test
    void aTokenFromTheFutureIsRefused() {
        assertRefused(Channel.FORM, tokens.issue("article-1", NOW.plusSeconds(60)), "is dated in the future");
    }

    @Test
    void aTokenOlderThanTheMaximumAsksTheReaderToReload() {
        String weekOld = tokens.issue("article-1", NOW.minus(Duration.ofDays(7)).minusSeconds(1));

        assertRefused(Channel.FORM, weekOld, "please reload the article page");
        assertThat(timestamp.check(Channel.FORM, tokens.issue("article-1", NOW.minus(Duration.ofDays(7))),
                "article-1", NOW)).isEmpty();
    }

    private void assertRefused(Channel channel, String token, String message) {
        assertThatExceptionOfType(ErrorResponseException.class)
                .isThrownBy(() -> timestamp.check(channel, token, "article-1", NOW))
                .satisfies(e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(400);
                    assertThat(e.getBody().getDetail()).startsWith("formToken: ").contains(message);
                });
    }
}

package org.erratum.feedback.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.erratum.platform.web.FormTokens;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The pipeline as a whole, without Spring: which steps run, in which order, on which channel. */
class IntakeTests {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Sender FORM = new Sender(Channel.FORM, "198.51.100.4");
    private static final Sender API = new Sender(Channel.API, "198.51.100.4");

    private final FormTokens tokens = new FormTokens("test-form-secret");
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Intake intake = new Intake(new IntakeProperties(
            new IntakeProperties.FormToken(Duration.ofSeconds(2), Duration.ofDays(7)),
            new IntakeProperties.RateLimits(new IntakeProperties.VoteLimit(3, Duration.ofMinutes(1)),
                    new IntakeProperties.ReportLimit(2, Duration.ofMinutes(10)), 1000),
            DataSize.ofKilobytes(32)), tokens, Clock.fixed(NOW, ZoneOffset.UTC), meters);

    private final String token = tokens.issue("article-1", NOW.minusSeconds(30));

    @Test
    void genuineFeedbackPassesWithItsTextScrubbed() {
        Screening screening = intake.screen(Submission.report(FORM, "article-1", token, "",
                "Wrong dose, ring me on 07700 900123", "Take 4 g every hour"));

        assertThat(screening.spam()).isFalse();
        assertThat(screening.comment()).isEqualTo("Wrong dose, ring me on [phone removed]");
        assertThat(screening.passage()).isEqualTo("Take 4 g every hour");
    }

    @Test
    void everySpamSignIsCollectedAndSpamIsStillScrubbed() {
        String tooFast = tokens.issue("article-1", NOW.minusMillis(500));

        Screening screening = intake.screen(Submission.report(FORM, "article-1", tooFast, "http://bot.example",
                "bot@example.org", null));

        assertThat(screening.spamReasons()).containsExactly(FormTimestamp.TOO_FAST, Honeypot.REASON,
                "comment is a single word");
        assertThat(screening.comment()).isEqualTo("[email removed]");
        assertThat(meters.counter("erratum.feedback.spam", "kind", "report").count()).isEqualTo(1);
    }

    @Test
    void aVoteIsScreenedByTimestampAndHoneypotOnly() {
        assertThat(intake.screen(Submission.vote(API, "article-1", null, null)).spam()).isFalse();
        assertThat(intake.screen(Submission.vote(API, "article-1", null, "x")).spamReasons())
                .containsExactly(Honeypot.REASON);
    }

    @Test
    void overTheRateLimitTheAnswerIs429WithRetryAfterAndNothingElseIsChecked() {
        intake.screen(Submission.report(API, "article-1", null, null, "First genuine report here", null));
        intake.screen(Submission.report(API, "article-1", null, null, "Second genuine report here", null));

        assertThatExceptionOfType(ErrorResponseException.class)
                .isThrownBy(() -> intake.screen(Submission.report(API, "article-1", "forged.token", null,
                        "Third report", null)))
                .satisfies(e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(429);
                    assertThat(e.getHeaders().getFirst("Retry-After")).isEqualTo("300");
                    assertThat(e.getBody().getTitle()).isEqualTo("Too many requests");
                });
        assertThat(meters.counter("erratum.feedback.rate.limited", "kind", "report").count()).isEqualTo(1);
    }

    @Test
    void votesAndReportsHaveSeparateLimits() {
        intake.screen(Submission.report(API, "article-1", null, null, "First genuine report here", null));
        intake.screen(Submission.report(API, "article-1", null, null, "Second genuine report here", null));

        assertThat(intake.screen(Submission.vote(API, "article-1", null, null)).spam()).isFalse();
    }

    @Test
    void aBadFormTokenIsRefusedAfterTheRateLimit() {
        assertThatExceptionOfType(ErrorResponseException.class)
                .isThrownBy(() -> intake.screen(Submission.vote(FORM, "article-1", null, null)))
                .satisfies(e -> assertThat(e.getStatusCode().value()).isEqualTo(400));
    }
}

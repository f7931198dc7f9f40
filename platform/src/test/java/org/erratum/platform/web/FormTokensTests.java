package org.erratum.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class FormTokensTests {

    private final FormTokens tokens = new FormTokens("test-secret");
    private final Instant rendered = Instant.parse("2026-03-01T09:30:00Z");

    @Test
    void aTokenTellsHowLongAgoTheFormWasRendered() {
        String token = tokens.issue("a-1", rendered);

        assertThat(tokens.age(token, "a-1", rendered.plusSeconds(7))).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void forgedOrBorrowedTokensAreRejected() {
        String token = tokens.issue("a-1", rendered);
        long earlier = rendered.minusSeconds(600).toEpochMilli();

        assertThatIllegalArgumentException().isThrownBy(() -> tokens.age(token, "a-2", rendered));
        assertThatIllegalArgumentException().isThrownBy(
                () -> tokens.age(earlier + token.substring(token.indexOf('.')), "a-1", rendered));
        assertThatIllegalArgumentException().isThrownBy(
                () -> tokens.age(new FormTokens("other").issue("a-1", rendered), "a-1", rendered));
        assertThatIllegalArgumentException().isThrownBy(() -> tokens.age("12345", "a-1", rendered));
        assertThatIllegalArgumentException().isThrownBy(() -> tokens.age("x.y", "a-1", rendered));
        assertThatIllegalArgumentException().isThrownBy(() -> tokens.age(null, "a-1", rendered));
    }

    @Test
    void aTokenFromTheFutureIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> tokens.age(tokens.issue("a-1", rendered.plusSeconds(60)), "a-1", rendered));
    }
}

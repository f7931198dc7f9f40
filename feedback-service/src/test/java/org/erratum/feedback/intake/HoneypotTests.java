package org.erratum.feedback.intake;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HoneypotTests {

    @Test
    void anEmptyOrAbsentHoneypotIsWhatPeopleSend() {
        assertThat(Honeypot.caught(null)).isFalse();
        assertThat(Honeypot.caught("")).isFalse();
    }

    @Test
    void anyValueAtAllMarksABot() {
        assertThat(Honeypot.caught("https://cheap-pills.example")).isTrue();
        assertThat(Honeypot.caught(" ")).isTrue();
    }
}

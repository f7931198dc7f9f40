package org.erratum.feedback.intake;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientKeysTests {

    private final ClientKeys keys = new ClientKeys();

    @Test
    void theSameAddressAlwaysGetsTheSameKeyInOneProcess() {
        assertThat(keys.keyOf("203.0.113.7")).isEqualTo(keys.keyOf("203.0.113.7"));
        assertThat(keys.keyOf("203.0.113.7")).isNotEqualTo(keys.keyOf("203.0.113.8"));
    }

    @Test
    void theKeyRevealsNeitherTheAddressNorAnythingAnotherProcessCouldRecompute() {
        String key = keys.keyOf("203.0.113.7");

        assertThat(key).doesNotContain("203").hasSize(43);
        assertThat(new ClientKeys().keyOf("203.0.113.7")).as("random key per process").isNotEqualTo(key);
    }
}

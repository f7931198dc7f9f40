package org.erratum.feedback.vote;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReaderKeysTests {

    private static final String READER_ID = "Q2hhbmdlIG1lIGlmIHlvdSBjYW4gcmVhZCB0aGlzIGlk";

    private final ReaderKeys keys = new ReaderKeys("test-secret");

    @Test
    void sameReaderAlwaysGetsTheSameKey() {
        assertThat(keys.keyOf(READER_ID)).isEqualTo(new ReaderKeys("test-secret").keyOf(READER_ID));
    }

    @Test
    void keyIsAnHmacSha256ThatDoesNotRevealTheReaderId() {
        String key = keys.keyOf(READER_ID);

        assertThat(key).matches("[0-9a-f]{64}").doesNotContain(READER_ID);
    }

    @Test
    void differentReadersGetDifferentKeys() {
        assertThat(keys.keyOf(READER_ID)).isNotEqualTo(keys.keyOf(READER_ID + "x"));
    }

    @Test
    void keyDependsOnTheSecretSoItCannotBeRecomputedWithoutIt() {
        assertThat(keys.keyOf(READER_ID)).isNotEqualTo(new ReaderKeys("other-secret").keyOf(READER_ID));
    }

    @Test
    void knownVectorMatchesHmacSha256() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        assertThat(new ReaderKeys("Jefe").keyOf("what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
}

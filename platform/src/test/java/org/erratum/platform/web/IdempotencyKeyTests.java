package org.erratum.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

class IdempotencyKeyTests {

    @Test
    void theDraftsQuotedFormAndABareValueAreTheSameKey() {
        assertThat(IdempotencyKey.required("\"8e03978e-40d5-43e8-bc93-6894a57f9324\""))
                .isEqualTo(IdempotencyKey.required(" 8e03978e-40d5-43e8-bc93-6894a57f9324 "));
        assertThat(IdempotencyKey.optional(null)).isEmpty();
    }

    @Test
    void aMissingOrMalformedKeyIsA400NamingTheHeader() {
        for (String header : List.of("", "\"\"", "   ", "a\"b", "x".repeat(256), "caf\u00e9")) {
            assertThatThrownBy(() -> IdempotencyKey.optional(header)).as(header)
                    .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                        assertThat(e.getStatusCode().value()).isEqualTo(400);
                        assertThat(e.getBody().getProperties().get("errors").toString()).contains("Idempotency-Key");
                    });
        }
        assertThatThrownBy(() -> IdempotencyKey.required(null)).isInstanceOf(ErrorResponseException.class)
                .hasMessageContaining("400");
    }

    @Test
    void theSameCallerAndKeyNameTheSameThingAndNoOtherCallersDo() {
        IdempotencyKey key = IdempotencyKey.random();

        assertThat(key.idFor("sign-off", "senior"))
                .isEqualTo(new IdempotencyKey(key.value()).idFor("sign-off", "senior"))
                .isNotEqualTo(key.idFor("sign-off", "admin"))
                .isNotEqualTo(key.idFor("note", "senior"))
                .isNotEqualTo(IdempotencyKey.random().idFor("sign-off", "senior"));
    }

    @Test
    void aReusedKeyIsA422NamingTheHeader() {
        ErrorResponseException reused = IdempotencyKey.reused();

        assertThat(reused.getStatusCode().value()).isEqualTo(422);
        assertThat(reused.getBody().getDetail()).startsWith("Idempotency-Key: was already used");
    }
}

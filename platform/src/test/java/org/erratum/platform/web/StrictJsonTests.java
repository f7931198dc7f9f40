package org.erratum.platform.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictJsonTests {

    enum Kind { FIRST, SECOND }

    record Body(String text, Integer count, Boolean flag, Double ratio, Kind kind, List<Kind> kinds) {
    }

    private final JsonMapper application = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final JsonMapper strict = StrictJson.strict(application);

    @Test
    void readsWhatTheApiDocuments() {
        Body body = strict.readValue("""
                {"text":"a","count":2,"flag":true,"ratio":1,"kind":"SECOND","kinds":["FIRST"]}""", Body.class);

        assertThat(body).isEqualTo(new Body("a", 2, true, 1.0, Kind.SECOND, List.of(Kind.FIRST)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"count\":\"2\"}", "{\"count\":2.0}", "{\"count\":true}", "{\"count\":\"\"}",
        "{\"flag\":\"true\"}", "{\"flag\":1}", "{\"flag\":0.0}",
        "{\"text\":42}", "{\"text\":true}", "{\"text\":1.5}",
        "{\"ratio\":\"1.5\"}",
        "{\"kind\":1}", "{\"kind\":\"1\"}", "{\"kind\":\" SECOND\"}", "{\"kind\":\"SECOND\\t\"}",
        "{\"kind\":\"second\"}", "{\"kinds\":[\"FIRST \"]}",
        "{\"flag\":true,\"flag\":false}", "{\"unknown\":1}", "{\"count\":2} {}" })
    void refusesWhatJacksonWouldOtherwiseCoerceOrGuess(String json) {
        assertThatThrownBy(() -> strict.readValue(json, Body.class)).isInstanceOf(JacksonException.class);
    }

    /** The event consumers' mapper is built from the application's: it must stay as tolerant as it was. */
    @Test
    void leavesTheApplicationsMapperAsItWas() {
        StrictJson.strict(application);

        assertThat(application.readValue("{\"count\":\"2\",\"unknown\":1,\"kind\":1}", Body.class))
                .isEqualTo(new Body(null, 2, null, null, Kind.SECOND, null));
    }
}

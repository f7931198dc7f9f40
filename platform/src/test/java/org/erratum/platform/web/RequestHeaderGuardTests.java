package org.erratum.platform.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The header checks; a header sent twice needs a real server (the mock keeps one Content-Type): see the corpora. */
class RequestHeaderGuardTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Content-Type | application/json                       | 200
            Content-Type | application/json; charset=UTF-8        | 200
            Content-Type | application/json; charset="utf-8"      | 200
            Content-Type | application/json;; charset=utf-8       | 200
            Content-Type | garbage                                | 400
            Content-Type | application/                           | 400
            Content-Type | application/json; charset              | 400
            Content-Type | application/json; =utf-8               | 400
            Content-Type | application/json; charset="utf-8      | 400
            Content-Type | application/json; charset=no-such-one  | 415
            Accept       | application/json, application/problem+json | 200
            Accept       | text/html,*/*;q=0.8                    | 200
            Accept       | garbage;;                              | 400
            Accept       | application/json;q=abc                 | 400
            Accept       | application/json;q=2                   | 400
            Accept       | text/html;q                            | 400
            """)
    void refusesAMalformedHeaderNamingIt(String header, String value, int status) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/things");
        request.addHeader(header, value);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        new RequestHeaderGuard().doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(status);
        if (status == 200) {
            assertThat(chain.getRequest()).as("passed on").isNotNull();
            return;
        }
        assertThat(chain.getRequest()).as("not passed on").isNull();
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(response.getContentAsString());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.at("/errors/0/field").asString()).isEqualTo(header);
        assertThat(problem.get("instance").asString()).isEqualTo("/api/things");
    }
}

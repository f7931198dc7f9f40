package org.erratum.platform.web;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemResponsesTests {

    private static final JsonMapper READER = JsonMapper.builder().build();

    @Test
    void aProblemIsWrittenWithTheMembersTheAdviceAnswersWith() {
        ProblemDetail problem = Problems.invalid(HttpStatus.BAD_REQUEST, "limit", "must be a whole number");
        problem.setInstance(URI.create("/api/editorial/least-helpful"));

        JsonNode json = READER.readTree(ProblemResponses.json(problem));

        assertThat(json.propertyNames()).containsExactlyInAnyOrder("title", "status", "detail", "instance",
                "errors");
        assertThat(json.get("status").asInt()).isEqualTo(400);
        assertThat(json.get("title").asString()).isEqualTo("Invalid request");
        assertThat(json.get("detail").asString()).isEqualTo("limit: must be a whole number");
        assertThat(json.get("instance").asString()).isEqualTo("/api/editorial/least-helpful");
        assertThat(json.get("errors").get(0).get("field").asString()).isEqualTo("limit");
        assertThat(json.get("errors").get(0).get("message").asString()).isEqualTo("must be a whole number");
    }

    @Test
    void aProblemWithATypeAndNoDetailKeepsTheTypeAndLeavesTheDetailOut() {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.FORBIDDEN);
        problem.setType(URI.create("https://erratum.example/problems/origin"));
        problem.setProperty("errors", List.of());

        JsonNode json = READER.readTree(ProblemResponses.json(problem));

        assertThat(json.get("type").asString()).isEqualTo("https://erratum.example/problems/origin");
        assertThat(json.has("detail")).isFalse();
        assertThat(json.get("status").asInt()).isEqualTo(403);
    }
}

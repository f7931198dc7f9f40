package org.erratum.feedback.config;

import org.erratum.feedback.Http;
import org.erratum.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SecurityIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void probesAndPrometheusArePublic() {
        Http http = new Http(port);

        assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/info").statusCode()).isEqualTo(200);
        var prometheus = http.get("/actuator/prometheus");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("application=\"feedback-service\"");
    }

    @Test
    void otherActuatorEndpointsAreClosed() {
        assertThat(new Http(port).get("/actuator/env").statusCode()).isIn(401, 403);
        assertThat(new Http(port).get("/actuator").statusCode()).isIn(401, 403);
    }

    @Test
    void nothingOutsideTheFeedbackEndpointsIsReachable() {
        Http http = new Http(port);

        assertThat(http.get("/anything-else").statusCode()).isIn(401, 403);
        assertThat(http.get("/feedback/anything-else").statusCode()).isIn(401, 403);
    }

    @Test
    void aWrongMethodOnAReaderEndpointIsAnsweredWithWhatItAllows() {
        var response = new Http(port).get("/api/feedback/votes");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }
}

package org.erratum.feedback.config;

import jakarta.servlet.Filter;

import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SecurityIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void probesAndPrometheusArePublic() {
        TestClient http = TestClient.onPort(port);

        assertThat(http.getText("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(http.getText("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(http.getText("/actuator/info").status()).isEqualTo(200);
        var prometheus = http.getText("/actuator/prometheus");
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.body()).contains("application=\"feedback-service\"");
    }

    @Test
    void otherActuatorEndpointsAreClosed() {
        assertThat(TestClient.onPort(port).getText("/actuator/env").status()).isIn(401, 403);
        assertThat(TestClient.onPort(port).getText("/actuator").status()).isIn(401, 403);
    }

    @Test
    void nothingOutsideTheFeedbackEndpointsIsReachable() {
        TestClient http = TestClient.onPort(port);

        assertThat(http.getText("/anything-else").status()).isIn(401, 403);
        assertThat(http.getText("/feedback/anything-else").status()).isIn(401, 403);
    }

    @Test
    void aWrongMethodOnAReaderEndpointIsAnsweredWithWhatItAllows() {
        var response = TestClient.onPort(port).getText("/api/feedback/votes");

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    /**
     * Spring Security's observations are off, so its observation decorator would only cost every request a wrapper
     * around every filter. The decorator is private to the filter chain proxy (inside the composite one Spring
     * Security registers), hence the reflection.
     */
    @Test
    void securityFiltersRunWithoutTheObservationDecorator(
            @Autowired @Qualifier("springSecurityFilterChain") Filter securityFilters) {
        Object proxy = ReflectionTestUtils.getField(securityFilters, "springSecurityFilterChain");

        assertThat(proxy).isInstanceOf(FilterChainProxy.class);
        assertThat(ReflectionTestUtils.getField(proxy, "filterChainDecorator"))
                .isNotNull()
                .isNotInstanceOf(ObservationFilterChainDecorator.class);
    }
}

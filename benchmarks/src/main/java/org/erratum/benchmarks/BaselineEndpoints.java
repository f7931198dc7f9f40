package org.erratum.benchmarks;

import java.util.UUID;

import jakarta.validation.Valid;
import org.erratum.feedback.report.ReportRequest;
import org.erratum.feedback.vote.VoteRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark's baseline: the same HTTP stack, the same JSON binding and bean validation of the same request
 * records as the real endpoints, and a 202 — but nothing looked up, stored or published. It lives here, never in the
 * product, and is the denominator of the benchmark's ratio.
 */
@RestController
class BaselineEndpoints {

    /** Opens the baseline paths as the product opens its public feedback endpoints, ahead of its own chain. */
    @Bean
    @Order(0)
    SecurityFilterChain baselineSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher("/bench/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @PostMapping("/bench/baseline/votes")
    ResponseEntity<Accepted> vote(@Valid @RequestBody VoteRequest vote) {
        return ResponseEntity.accepted().body(new Accepted(UUID.randomUUID().toString(), "accepted"));
    }

    @PostMapping("/bench/baseline/reports")
    ResponseEntity<Accepted> report(@Valid @RequestBody ReportRequest report) {
        return ResponseEntity.accepted().body(new Accepted(UUID.randomUUID().toString(), "accepted"));
    }

    record Accepted(String id, String status) {
    }
}

package org.erratum.feedback.config;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Readers are anonymous, so every feedback endpoint is public; everything else is closed. HTTP Basic stays on
 * for any staff endpoint added later.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to("health", "info", "prometheus")).permitAll()
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).denyAll()
                        .requestMatchers(HttpMethod.POST, "/api/feedback/votes", "/api/feedback/reports",
                                "/feedback/votes", "/feedback/reports").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/feedback/articles/*/revisions/*/helpfulness")
                        .permitAll()
                        // so a failure inside a public endpoint is answered with its error, not with 401
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll())
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // CSRF defends a logged-in session. These endpoints have none: they are posted anonymously, often
                // from the article site's origin, and the only cookie they read is the SameSite=Lax reader id,
                // which browsers do not send on a cross-site POST. A CSRF token would only break plain HTML forms
                // served by another service.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/feedback/**", "/feedback/**"));
        return http.build();
    }
}

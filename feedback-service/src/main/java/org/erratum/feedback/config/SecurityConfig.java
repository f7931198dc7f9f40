package org.erratum.feedback.config;

import java.time.Duration;
import java.util.List;

import org.erratum.platform.security.StaffSignIn;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Readers are anonymous, so every feedback endpoint is public. The editorial readouts are for editors (and
 * administrators), signed in with HTTP Basic on every request and holding no session. Everything else is closed.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String EDITOR = "EDITOR";
    static final String ADMIN = "ADMIN";

    /** How long a browser may reuse a preflight answer instead of asking before every call. */
    private static final Duration PREFLIGHT_CACHE = Duration.ofHours(1);

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, FeedbackProperties properties, StaffSignIn signIn)
            throws Exception {
        // editors call the readouts with HTTP Basic, or with an OpenID Connect provider's bearer tokens
        signIn.api(http).cors(cors -> cors.configurationSource(jsonApiCors(properties)))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to("health", "info", "prometheus")).permitAll()
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).denyAll()
                        .requestMatchers(HttpMethod.POST, "/api/feedback/votes", "/api/feedback/reports",
                                "/feedback/votes", "/feedback/reports").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/feedback/articles/*/revisions/*/helpfulness")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/editorial/**").hasAnyRole(EDITOR, ADMIN)
                        // so a failure inside a public endpoint is answered with its error, not with 401
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // CSRF defends a logged-in session. These endpoints have none: they are posted anonymously, often
                // from the article site's origin, and the only cookie they read is the SameSite=Lax reader id,
                // which browsers do not send on a cross-site POST. A CSRF token would only break plain HTML forms
                // served by another service.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/feedback/**", "/feedback/**"));
        return http.build();
    }

    /**
     * The article page calls the JSON endpoints from another origin (another port in development), and its calls
     * must carry the reader cookie, so the allowed origins are listed explicitly: a wildcard may not be combined
     * with credentials. Only the two JSON endpoints are opened; the HTML form posts need no CORS, and no other
     * endpoint is meant for scripts on other sites. A preflight from any other origin is refused with 403.
     */
    private static CorsConfigurationSource jsonApiCors(FeedbackProperties properties) {
        CorsConfiguration json = new CorsConfiguration();
        json.setAllowedOrigins(properties.allowedOrigins());
        json.setAllowedMethods(List.of(HttpMethod.POST.name()));
        json.setAllowedHeaders(List.of(HttpHeaders.CONTENT_TYPE));
        json.setAllowCredentials(true);
        json.setMaxAge(PREFLIGHT_CACHE);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/feedback/votes", json);
        source.registerCorsConfiguration("/api/feedback/reports", json);
        return source;
    }
}

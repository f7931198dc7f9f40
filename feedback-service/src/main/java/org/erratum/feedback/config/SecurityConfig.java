package org.erratum.feedback.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.DispatcherType;

import org.erratum.platform.security.SecurityLayout;
import org.erratum.platform.security.StaffSignIn;
import org.erratum.platform.web.ProblemCorsProcessor;
import org.erratum.platform.web.ApiDocumentation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Readers are anonymous, so every feedback endpoint is public. The editorial readouts are for editors (and
 * administrators, through the platform's role hierarchy, {@link SecurityLayout}): as pages, signed in with a form
 * (or at the OpenID Connect provider, see {@link StaffSignIn}) and
 * kept in a session cookie, so CSRF protection stays on for them; as JSON and CSV, signed in with HTTP Basic (or the
 * provider's bearer tokens) on every request and holding no session. Everything else is closed.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String EDITOR = "EDITOR";

    /**
     * Defence in depth for pages that show reader text: even if markup slipped through escaping, nothing would run
     * or load from elsewhere. The pages use no script, no inline style and no image but their inline SVG charts.
     */
    private static final String PAGES_CONTENT_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /** How long a browser may reuse a preflight answer instead of asking before every call. */
    private static final Duration PREFLIGHT_CACHE = Duration.ofHours(1);

    /**
     * The reader endpoints, in a chain of their own with only what they need: anonymous, no session, CORS for the
     * JSON calls. No sign-in mechanism runs on them, so a stray {@code Authorization} header is never checked
     * here, and the filters the staff chain needs cost intake nothing.
     * <p>
     * CSRF defends a logged-in session. These endpoints have none: they are posted anonymously, often from the
     * article site's origin, and the only cookie they read is the SameSite=Lax reader id, which browsers do not send
     * on a cross-site POST. A CSRF token would only break plain HTML forms served by another service.
     */
    @Bean
    @Order(1)
    SecurityFilterChain readerFilterChain(HttpSecurity http, FeedbackProperties properties) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        // every method, so that a wrong one reaches Spring MVC and is answered 405 with Allow, not 401
        RequestMatcher readerEndpoints = new OrRequestMatcher(
                paths.matcher("/api/feedback/votes"), paths.matcher("/api/feedback/reports"),
                paths.matcher("/feedback/votes"), paths.matcher("/feedback/reports"),
                paths.matcher("/api/feedback/articles/*/revisions/*/helpfulness"));
        return SecurityLayout.stateless(http.securityMatcher(readerEndpoints)
                // CORS preflights of the JSON calls are answered here; a refused one is a 403 problem document
                .addFilterAt(ProblemCorsProcessor.filter(jsonApiCors(properties)), CorsFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll()))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain editorialPagesFilterChain(HttpSecurity http, StaffSignIn signIn) throws Exception {
        List<String> paths = new ArrayList<>(List.of("/editorial", "/editorial/**", "/login", "/logout",
                "/css/editorial.css"));
        paths.addAll(StaffSignIn.PROVIDER_PATHS);
        return signIn.console(http, "/login", "/editorial")
                .securityMatcher(paths.toArray(String[]::new))
                .authorizeHttpRequests(requests -> requests
                        // the access-denied page is a forward within a request that was already decided
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/login", "/css/editorial.css").permitAll()
                        .requestMatchers(HttpMethod.GET, "/editorial", "/editorial/**").hasRole(EDITOR)
                        .anyRequest().denyAll())
                // POST only (the default while CSRF is on), so a link or image elsewhere cannot sign anyone out
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .exceptionHandling(errors -> errors.accessDeniedPage("/editorial/access-denied"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(PAGES_CONTENT_POLICY)))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain staffFilterChain(HttpSecurity http, StaffSignIn signIn) throws Exception {
        // editors call the readouts with HTTP Basic, or with an OpenID Connect provider's bearer tokens
        signIn.api(http)
                .authorizeHttpRequests(requests -> {
                    SecurityLayout.actuator(requests);
                    // any method, so that an editor's wrong one is answered 405 by Spring MVC, not 403
                    requests.requestMatchers("/api/editorial/**").hasRole(EDITOR)
                        .requestMatchers(HttpMethod.GET, ApiDocumentation.PATHS).authenticated()
                        // so a failure inside a public endpoint is answered with its error, not with 401
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll();
                });
        return http.build();
    }

    /**
     * The article page calls the JSON endpoints from another origin (another port in development), and its calls
     * must carry the reader cookie, so the allowed origins are listed explicitly: a wildcard may not be combined
     * with credentials. Only the two JSON endpoints are opened; the HTML form posts need no CORS, and no other
     * endpoint is meant for scripts on other sites. A preflight from any other origin is refused with 403, a
     * problem document naming the {@code Origin} header.
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

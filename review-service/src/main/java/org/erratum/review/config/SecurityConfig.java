package org.erratum.review.config;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.DispatcherType;

import org.erratum.platform.security.SecurityLayout;
import org.erratum.platform.security.StaffSignIn;
import org.erratum.platform.web.ApiDocumentation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Reviewer endpoints need a signed-in reviewer; sign-off, safety notices and escalated work need a senior reviewer
 * (ADMIN reaches both, through the platform's role hierarchy, {@link SecurityLayout}).
 * Readers never reach anything here.
 * <p>
 * Two chains: the reviewer console (pages, sign-in, sign-out, its stylesheet) signs in with a form (or at the
 * OpenID Connect provider, see {@link StaffSignIn}) and keeps a session cookie, so CSRF protection stays on for it;
 * everything else is the JSON API, authenticated on every request (HTTP Basic, or the provider's bearer tokens)
 * and holding no session.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String REVIEWER = "REVIEWER";
    static final String SENIOR_REVIEWER = "SENIOR_REVIEWER";

    /**
     * Defence in depth for pages that show reader text: even if markup slipped through escaping, no inline or
     * foreign script would run. The console uses no script at all.
     */
    private static final String CONSOLE_CONTENT_POLICY = "default-src 'self'; script-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain console(HttpSecurity http, StaffSignIn signIn) throws Exception {
        List<String> paths = new ArrayList<>(List.of("/", "/console", "/console/**", "/login", "/logout",
                "/css/console.css"));
        paths.addAll(StaffSignIn.PROVIDER_PATHS);
        return signIn.console(http, "/login", "/console")
                .securityMatcher(paths.toArray(String[]::new))
                .authorizeHttpRequests(requests -> requests
                        // the access-denied page is a forward within a request that was already decided
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/login", "/css/console.css").permitAll()
                        .requestMatchers("/console/articles/*/sign-off", "/console/items/*/safety-notice",
                                "/console/items/*/safety-notice/lift").hasRole(SENIOR_REVIEWER)
                        .requestMatchers(HttpMethod.GET, "/").hasRole(REVIEWER)
                        .requestMatchers("/console", "/console/**").hasRole(REVIEWER)
                        .anyRequest().denyAll())
                // POST only (the default while CSRF is on), so a link or image elsewhere cannot sign anyone out
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .exceptionHandling(errors -> errors.accessDeniedPage("/console/access-denied"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONSOLE_CONTENT_POLICY)))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, StaffSignIn signIn) throws Exception {
        return signIn.api(http)
                .authorizeHttpRequests(requests -> {
                    SecurityLayout.actuator(requests);
                    requests.requestMatchers(HttpMethod.POST, "/api/review/articles/*/sign-off")
                        .hasRole(SENIOR_REVIEWER)
                        .requestMatchers("/api/review/items/*/safety-notice").hasRole(SENIOR_REVIEWER)
                        .requestMatchers("/api/review/**").hasRole(REVIEWER)
                        .requestMatchers(HttpMethod.GET, ApiDocumentation.PATHS).authenticated()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll();
                })
                .build();
    }
}

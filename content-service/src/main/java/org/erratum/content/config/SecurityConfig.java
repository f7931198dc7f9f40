package org.erratum.content.config;

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
 * Readers see pages and the read API without an account; only editors (and administrators, through the platform's
 * role hierarchy) change articles.
 * <p>
 * Two chains, as in review-service: the editor's screens (pages, sign-in, sign-out) sign in with a form (or at the
 * OpenID Connect provider, see {@link StaffSignIn}) and keep a session cookie, so CSRF protection stays on for them;
 * everything else is the public pages and the JSON API, which is called with HTTP Basic or the provider's bearer
 * tokens and holds no session, so CSRF protection (which guards cookie sessions) is off there (see
 * {@link SecurityLayout}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String EDITOR = "EDITOR";

    /** The pages, their assets and the read API. */
    private static final String[] READER_PATHS = { "/", "/articles/**", "/api/articles", "/api/articles/**",
        "/css/**", "/js/**" };

    /**
     * Defence in depth for pages that show what editors and readers typed: even if markup slipped through the
     * sanitizer or escaping, no inline or foreign script would run. The editor uses no script at all.
     */
    private static final String EDITOR_CONTENT_POLICY = "default-src 'self'; script-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain editor(HttpSecurity http, StaffSignIn signIn) throws Exception {
        List<String> paths = new ArrayList<>(List.of("/editor", "/editor/**", "/login", "/logout"));
        paths.addAll(StaffSignIn.PROVIDER_PATHS);
        return signIn.console(http, "/login", "/editor")
                .securityMatcher(paths.toArray(String[]::new))
                .authorizeHttpRequests(requests -> requests
                        // the access-denied page is a forward within a request that was already decided
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/login").permitAll()
                        .requestMatchers("/editor", "/editor/**").hasRole(EDITOR)
                        .anyRequest().denyAll())
                // POST only (the default while CSRF is on), so a link or image elsewhere cannot sign anyone out
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .exceptionHandling(errors -> errors.accessDeniedPage("/editor/access-denied"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(EDITOR_CONTENT_POLICY)))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain publicAndApi(HttpSecurity http, StaffSignIn signIn) throws Exception {
        // no session and no CSRF token: the pages take no form posts at all, and the API is authenticated per request
        signIn.api(http).authorizeHttpRequests(requests -> {
            SecurityLayout.actuator(requests);
            requests
                        // error pages and forwards belong to a request that was already authorised
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/articles").hasRole(EDITOR)
                        .requestMatchers(HttpMethod.PUT, "/api/articles/*").hasRole(EDITOR)
                        // the API's contract is for staff, though most of what it describes is public
                        .requestMatchers(HttpMethod.GET, ApiDocumentation.PATHS).authenticated()
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                        // any other method on what readers use reaches Spring MVC, which answers 405 with Allow
                        .requestMatchers(READER_PATHS).permitAll()
                        .anyRequest().denyAll();
        });
        return http.build();
    }
}

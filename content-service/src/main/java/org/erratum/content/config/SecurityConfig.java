package org.erratum.content.config;

import jakarta.servlet.DispatcherType;

import org.erratum.platform.security.StaffSignIn;
import org.erratum.platform.web.ApiDocumentation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Readers see pages and the read API without an account; only editors (and administrators) change articles. The API
 * is called with HTTP Basic, or an OpenID Connect provider's bearer tokens (see {@link StaffSignIn}), and no session, so CSRF protection (which guards cookie sessions) is off for it alone.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String EDITOR = "EDITOR";

    /** The pages, their assets and the read API. */
    private static final String[] READER_PATHS = { "/", "/articles/**", "/api/articles", "/api/articles/**",
        "/css/**", "/js/**" };

    /** An administrator can do whatever an editor can, as in review-service where ADMIN reaches every role. */
    @Bean
    RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_EDITOR");
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, StaffSignIn signIn) throws Exception {
        signIn.api(http).authorizeHttpRequests(requests -> requests
                        // error pages and forwards belong to a request that was already authorised
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers("/actuator/**").denyAll()
                        .requestMatchers(HttpMethod.POST, "/api/articles").hasRole(EDITOR)
                        .requestMatchers(HttpMethod.PUT, "/api/articles/*").hasRole(EDITOR)
                        // the API's contract is for staff, though most of what it describes is public
                        .requestMatchers(HttpMethod.GET, ApiDocumentation.PATHS).authenticated()
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                        // any other method on what readers use reaches Spring MVC, which answers 405 with Allow
                        .requestMatchers(READER_PATHS).permitAll()
                        .anyRequest().denyAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // the pages take no form posts at all, so a CSRF token could only turn a wrong method into a 403
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**").ignoringRequestMatchers(READER_PATHS));
        return http.build();
    }
}

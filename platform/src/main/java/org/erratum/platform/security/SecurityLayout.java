package org.erratum.platform.security;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;

/**
 * What every service's security rules have in common, so each service's {@code SecurityConfig} states only its own
 * paths and roles:
 * <ul>
 * <li>one role hierarchy: ADMIN may do whatever any other role may, and a senior reviewer whatever a reviewer may;</li>
 * <li>the actuator: health, info and prometheus are public, every other endpoint is closed;</li>
 * <li>CSRF: a chain that keeps a session cookie (a console signed in with a form) keeps CSRF protection on; a chain
 * that keeps no session (the JSON APIs, the anonymous reader endpoints) carries no ambient credential a forged
 * request could ride, so it turns CSRF off, and a wrong method there is answered 405, not 403.</li>
 * </ul>
 */
public final class SecurityLayout {

    private SecurityLayout() {
    }

    /** Spring Security applies it to every role check, in the filter chains and in {@code Staff}-style checks. */
    public static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("""
                ROLE_ADMIN > ROLE_SENIOR_REVIEWER
                ROLE_SENIOR_REVIEWER > ROLE_REVIEWER
                ROLE_ADMIN > ROLE_EDITOR
                """);
    }

    /**
     * Opens what ops read and closes every other actuator endpoint; put it first in a chain that owns them. The
     * path rule also closes endpoints that are not exposed, which {@code EndpointRequest} does not match, so that a
     * chain whose later rules open {@code GET /**} does not answer them 404 instead of 401/403.
     */
    public static void actuator(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(EndpointRequest.to("health", "info", "prometheus")).permitAll()
                .requestMatchers(EndpointRequest.toAnyEndpoint()).denyAll()
                .requestMatchers(ACTUATOR_PATHS).denyAll();
    }

    private static final String ACTUATOR_PATHS = "/actuator/**";

    /** A chain that holds no session, and so needs no CSRF token. */
    public static HttpSecurity stateless(HttpSecurity http) throws Exception {
        return http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
    }
}

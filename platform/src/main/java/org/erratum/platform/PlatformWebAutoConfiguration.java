package org.erratum.platform;

import org.erratum.platform.security.ErratumSecurityProperties;
import org.erratum.platform.security.SecurityLayout;
import org.erratum.platform.security.StaffSignIn;
import org.erratum.platform.web.FormTokenProperties;
import org.erratum.platform.web.FormTokens;
import org.erratum.platform.web.ProblemDetailsAdvice;
import org.erratum.platform.web.ProblemErrorController;
import org.erratum.platform.web.RequestHeaderGuard;
import org.erratum.platform.web.StrictJson;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * What every service's web layer needs from the platform: problem details for every error, strict JSON, the
 * request-header guard, staff accounts, sign-in and the role hierarchy. Apart from {@link PlatformAutoConfiguration}
 * (which needs MongoDB and Kafka), so a {@code @WebMvcTest} slice gets it too: it is listed for that slice in
 * {@code META-INF/spring/org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureWebMvc.imports}.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@EnableConfigurationProperties({ ErratumSecurityProperties.class, FormTokenProperties.class })
public class PlatformWebAutoConfiguration {

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    /** Replaces Boot's {@code /error}, so errors raised outside Spring MVC are problem documents too. */
    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    RequestHeaderGuard requestHeaderGuard() {
        return new RequestHeaderGuard();
    }

    /** The HTTP API reads JSON strictly; the {@code JsonMapper} bean, which event consumers build on, does not. */
    @Bean
    ServerHttpMessageConvertersCustomizer strictJsonApi(JsonMapper jsonMapper) {
        return StrictJson.httpApi(jsonMapper);
    }

    /** Shared by the article page (which stamps feedback forms) and the feedback service (which checks them). */
    @Bean
    FormTokens formTokens(FormTokenProperties properties) {
        return new FormTokens(properties.secret());
    }

    /**
     * No observing decorator around Spring Security's filters. Its observations are already off (erratum-platform.yml,
     * {@code management.observations.enable.spring.security}), yet with an observation registry present the
     * decorator still wrapped every filter of every chain on every request to open observations that were then
     * dropped; the request's own span and {@code http.server.requests} still measure each request whole.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** ADMIN's rights, and a senior reviewer's, in one place for every service (see {@link SecurityLayout}). */
    @Bean
    @ConditionalOnMissingBean
    RoleHierarchy roleHierarchy() {
        return SecurityLayout.roleHierarchy();
    }

    @Bean
    StaffSignIn staffSignIn(ErratumSecurityProperties properties,
            ObjectProvider<ClientRegistrationRepository> clientRegistrations, ObjectProvider<JwtDecoder> jwtDecoder) {
        return new StaffSignIn(properties, clientRegistrations.getIfAvailable(), jwtDecoder.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean
    UserDetailsService configuredUsers(ErratumSecurityProperties properties) {
        return new InMemoryUserDetailsManager(properties.users().stream()
                .map(u -> User.withUsername(u.username()).password(u.passwordHash())
                        .roles(u.roles().toArray(String[]::new)).build())
                .toList());
    }
}

package org.erratum.platform;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.erratum.platform.health.MongoPingHealthIndicator;
import org.erratum.platform.helpfulness.SmoothedHelpfulness;
import org.erratum.platform.messaging.DeadLetters;
import org.erratum.platform.messaging.EventPublisher;
import org.erratum.platform.security.ErratumSecurityProperties;
import org.erratum.platform.security.SecurityLayout;
import org.erratum.platform.security.StaffSignIn;
import org.erratum.platform.web.ApiDocumentation;
import org.erratum.platform.web.FormTokenProperties;
import org.erratum.platform.web.FormTokens;
import org.erratum.platform.web.ProblemDetailsAdvice;
import org.erratum.platform.web.ProblemErrorController;
import org.erratum.platform.web.ProblemReportValve;
import org.erratum.platform.web.RequestHeaderGuard;
import org.erratum.platform.web.StrictJson;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import tools.jackson.databind.json.JsonMapper;

/** What every Erratum service gets by depending on the platform. */
@AutoConfiguration(before = { MongoHealthContributorAutoConfiguration.class, ErrorMvcAutoConfiguration.class })
@EnableConfigurationProperties({ ErratumSecurityProperties.class, FormTokenProperties.class,
    SmoothedHelpfulness.class })
@Import(ApiDocumentation.class)
public class PlatformAutoConfiguration {

    /** Spring Boot's own setting: the service's name, on every event it publishes and in its API document. */
    public static final String APPLICATION_NAME = "spring.application.name";

    /**
     * The one clock of every service: dates on articles, deadlines and leases are facts staff and readers rely on.
     * A test that needs another time constructs its class with its own clock, or declares a {@code Clock} bean.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventPublisher eventPublisher(StreamBridge streamBridge, Environment environment) {
        return new EventPublisher(streamBridge, environment.getRequiredProperty(APPLICATION_NAME));
    }

    /** The Kafka binder picks this up to name dead-letter topics; it counts each record it dead-letters. */
    @Bean
    DeadLetters deadLetters(MeterRegistry registry, BindingServiceProperties bindings) {
        return new DeadLetters(registry, bindings);
    }

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

    /**
     * Errors Tomcat answers itself, before the application sees the request, as problem documents. The context's
     * host is not started yet when context customizers run, so it still takes the report valve's class.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> ((StandardHost) context.getParent())
                .setErrorReportValveClass(ProblemReportValve.class.getName()));
    }

    /** Shared by the article page (which stamps feedback forms) and the feedback service (which checks them). */
    @Bean
    FormTokens formTokens(FormTokenProperties properties) {
        return new FormTokens(properties.secret());
    }

    /** Named as Boot's indicator so it replaces it. */
    @Bean
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
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

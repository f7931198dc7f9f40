package org.erratum.testsupport;

import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points a Spring context at the shared test infrastructure, with a database of its own, and at the test SMTP server. */
public class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Endpoints endpoints = TestInfrastructure.endpoints();
        String database = context.getEnvironment().getProperty("spring.application.name", "erratum") + "-"
                + UUID.randomUUID();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("erratum-test-infrastructure",
                Map.of("spring.kafka.bootstrap-servers", endpoints.kafkaBootstrapServers(),
                        "spring.mongodb.uri", endpoints.mongoUri(database),
                        Endpoints.EMBEDDED_STORE_SETTING, endpoints.embeddedStore(),
                        "spring.mail.host", "127.0.0.1",
                        "spring.mail.port", TestMail.port())));
    }
}

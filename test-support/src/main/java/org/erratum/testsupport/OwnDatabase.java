package org.erratum.testsupport;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points a {@link MongoSliceTest}'s context at the shared test store, in a fresh database named after its test
 * class. The test class is part of the customizer's identity, so two test classes never share a context, and so
 * never a database.
 */
class OwnDatabase implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer(testClass);
    }

    private record Customizer(Class<?> testClass) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
            Endpoints endpoints = TestInfrastructure.endpoints();
            String database = testClass.getSimpleName() + "-" + UUID.randomUUID();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("erratum-test-database",
                    Map.of("spring.mongodb.uri", endpoints.mongoUri(database),
                            Endpoints.EMBEDDED_STORE_SETTING, endpoints.embeddedStore())));
        }
    }
}

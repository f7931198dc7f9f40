package org.erratum.platform.mongo;

import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** What only the embedded store needs is there only when the setting says the store is the embedded one. */
class EmbeddedStoreAutoConfigurationTests {

    // never connects: a template without mapped documents has no index to create
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EmbeddedStoreAutoConfiguration.class))
            .withBean(MongoTemplate.class, () -> new MongoTemplate(MongoClients.create("mongodb://127.0.0.1:9"), "x"));

    @Test
    void productionGetsNoEmbeddedStoreIndexes() {
        context.run(started -> assertThat(started).hasNotFailed().doesNotHaveBean(EmbeddedStoreIndexes.class));
        context.withPropertyValues(EmbeddedStoreIndexes.SETTING + "=false")
                .run(started -> assertThat(started).hasNotFailed().doesNotHaveBean(EmbeddedStoreIndexes.class));
    }

    @Test
    void theEmbeddedStoreGetsThem() {
        context.withPropertyValues(EmbeddedStoreIndexes.SETTING + "=true")
                .run(started -> assertThat(started).hasNotFailed().hasSingleBean(EmbeddedStoreIndexes.class));
    }
}

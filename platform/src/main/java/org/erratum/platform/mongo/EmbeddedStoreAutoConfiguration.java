package org.erratum.platform.mongo;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What only the embedded Mongo-wire store needs, switched on by {@value EmbeddedStoreIndexes#SETTING}. Also listed for
 * {@code @DataMongoTest} slices, so they run on the store as the services do.
 */
@AutoConfiguration(after = DataMongoAutoConfiguration.class)
@ConditionalOnBooleanProperty(EmbeddedStoreIndexes.SETTING)
public class EmbeddedStoreAutoConfiguration {

    @Bean
    EmbeddedStoreIndexes embeddedStoreIndexes(MongoTemplate mongo) {
        return new EmbeddedStoreIndexes(mongo);
    }
}

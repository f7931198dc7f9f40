package org.erratum.platform.mongo;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;

/**
 * Creates every {@link EmbeddedStoreIndex} of the mapped documents, once all beans exist and before anything starts
 * consuming or relaying. Only on the embedded store: it is the one that ignores every index but unique ones, and so
 * cannot find a document by {@code _id} plus another field without one of its own.
 */
public class EmbeddedStoreIndexes implements SmartInitializingSingleton {

    /** Set by the local run and the test infrastructure, which run on the embedded store; never in production. */
    public static final String SETTING = "erratum.mongo.embedded-store";

    private final MongoTemplate mongo;

    public EmbeddedStoreIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (MongoPersistentEntity<?> entity : mongo.getConverter().getMappingContext().getPersistentEntities()) {
            EmbeddedStoreIndex wanted = entity.findAnnotation(EmbeddedStoreIndex.class);
            if (wanted != null) {
                // unique costs nothing (the index starts with the id) and is the only kind the embedded store uses
                mongo.indexOps(entity.getCollection()).createIndex(new Index().named(wanted.name())
                        .on("_id", Sort.Direction.ASC).on(wanted.field(), Sort.Direction.ASC).unique());
            }
        }
    }
}

package org.erratum.platform.mongo;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@code @Document} that is written by id and one more field (a compare-and-set on the event that made it, say):
 * on the embedded Mongo-wire store, a unique index on {@code {_id: 1, field: 1}}, which that store needs to find the
 * document by index instead of scanning the collection. MongoDB serves such a query from {@code _id} alone, so
 * production does not get the index; {@link EmbeddedStoreIndexes} creates it where
 * {@value EmbeddedStoreIndexes#SETTING} is true.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface EmbeddedStoreIndex {

    /** The index's name. */
    String name();

    /** The field the writes name beside the id. */
    String field();
}

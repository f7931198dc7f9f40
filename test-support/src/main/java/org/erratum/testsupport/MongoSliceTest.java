package org.erratum.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * A {@code @DataMongoTest} slice on the same real store {@link IntegrationTest} uses (Testcontainers' MongoDB where a
 * Docker engine answers, else the embedded Mongo-wire store), in a database of the test class's own: no other test
 * class sees or clears its data. Import the stores and queries under test; mapping, indexes and the template are
 * the application's.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@DataMongoTest
@ContextCustomizerFactories(OwnDatabase.class)
public @interface MongoSliceTest {
}

package org.erratum.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A whole service on real Kafka and a real Mongo-wire store, on a random port. Keep every integration test of a
 * module on this one annotation without extra configuration, so they share one application context (two live
 * contexts would split the consumer group's partitions between them).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = InfrastructureInitializer.class)
public @interface IntegrationTest {
}

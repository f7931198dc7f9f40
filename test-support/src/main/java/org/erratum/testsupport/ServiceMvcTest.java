package org.erratum.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.annotation.AliasFor;

/**
 * A {@code @WebMvcTest} slice of a service's web layer: the given controllers, every advice, the platform's problem
 * details, strict JSON and header guard, and the service's own security chains ({@link SecurityConfiguration}) with
 * its accounts. What stands behind the controllers is the test's: test doubles of our own classes, never of Kafka or
 * MongoDB.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(includeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = SecurityConfiguration.class))
public @interface ServiceMvcTest {

    /** The controllers under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value();
}

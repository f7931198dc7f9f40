package org.erratum.testsupport;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;

/**
 * Lets a {@link ServiceMvcTest} slice in on the service's security configuration: the {@code @Configuration} that
 * declares its {@code SecurityFilterChain} beans, which {@code @WebMvcTest} leaves out by default.
 */
class SecurityConfiguration implements TypeFilter {

    private static final String FILTER_CHAIN = "org.springframework.security.web.SecurityFilterChain";

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
        AnnotationMetadata type = reader.getAnnotationMetadata();
        return type.isAnnotated(Configuration.class.getName())
                && type.getAnnotatedMethods(Bean.class.getName()).stream()
                        .anyMatch(method -> FILTER_CHAIN.equals(method.getReturnTypeName()));
    }
}

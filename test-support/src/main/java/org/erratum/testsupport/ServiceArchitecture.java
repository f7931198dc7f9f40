package org.erratum.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Rules every service keeps; each service's architecture test calls {@link #check(String)}. */
public final class ServiceArchitecture {

    private static final List<String> SERVICES = List.of("content", "feedback", "review");

    private ServiceArchitecture() {
    }

    /**
     * @param service the service's package under {@code org.erratum}, e.g. {@code review}
     */
    public static void check(String service) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.erratum." + service);
        String[] otherServices = SERVICES.stream().filter(s -> !s.equals(service))
                .map(s -> "org.erratum." + s + "..").toArray(String[]::new);

        // services talk only through Kafka contracts, never through each other's code
        noClasses().should().dependOnClassesThat().resideInAnyPackage(otherServices).check(classes);
        // controllers stay package-private: a feature package exposes a small public surface
        noClasses().that().haveSimpleNameEndingWith("Controller").should().bePublic().check(classes);
    }
}

package org.erratum.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The contracts stay plain Java: any service, in any stack, can read them. */
class EventsArchitectureTests {

    private final JavaClasses events = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.erratum.events");

    @Test
    void eventsDependOnNothingButTheJdk() {
        noClasses().should().dependOnClassesThat().resideOutsideOfPackages("org.erratum.events..", "java..")
                .check(events);
    }
}

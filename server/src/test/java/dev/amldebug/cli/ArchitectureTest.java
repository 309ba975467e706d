package dev.amldebug.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependency direction of DESIGN.md: server -> libraries, and the libraries know nothing of each other. */
class ArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.amldebug");

    @Test
    void dockerRunnerKnowsNothingOfTheServerTheBridgeOrLsp() {
        noClasses().that().resideInAPackage("dev.amldebug.runner..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.amldebug.cli..", "dev.amldebug.server..",
                        "dev.amldebug.bridge..", "dev.amldebug.azure..", "org.eclipse.lsp4j..", "picocli..")
                .check(classes);
    }

    @Test
    void bridgeKnowsNothingOfDocker() {
        noClasses().that().resideInAPackage("dev.amldebug.bridge..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.amldebug.runner..", "com.github.dockerjava..",
                        "dev.amldebug.cli..")
                .allowEmptyShould(true)
                .check(classes);
    }
}

package dev.amldebug.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of DESIGN.md and docs/architecture.md: server -> libraries, the libraries
 * know nothing of each other (only of errors), and the server's packages form no cycles.
 */
class ArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // Other modules' test fixtures reach us as their -tests.jar, which DO_NOT_INCLUDE_TESTS does not know.
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.amldebug");

    @Test
    void errorsDependOnNothingOfOurs() {
        noClasses().that().resideInAPackage("dev.amldebug.errors..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.amldebug.runner..", "dev.amldebug.bridge..",
                        "dev.amldebug.server..", "dev.amldebug.cli..", "dev.amldebug.azure..")
                .check(classes);
    }

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
                        "dev.amldebug.cli..", "dev.amldebug.server..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void theServersPackagesFormNoCycles() {
        slices().matching("dev.amldebug.server.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** Each package of ours its own slice: a package and its subpackage must not need each other either. */
    private static final SliceAssignment EACH_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            return javaClass.getPackageName().startsWith("dev.amldebug.")
                    ? SliceIdentifier.of(javaClass.getPackageName()) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "each package of dev.amldebug";
        }
    };

    @Test
    void noPackageOfOursIsInACycle() {
        slices().assignedFrom(EACH_PACKAGE).should().beFreeOfCycles().check(classes);
    }

    @Test
    void theRunnersPackagesFormNoCycles() {
        // The job model (runner.job) is read from YAML (runner.yaml) and rendered by runner.spec: one direction only.
        slices().matching("dev.amldebug.runner.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theTreeAndTheCommandsKnowNothingOfTheLanguageServer() {
        noClasses().that().resideInAnyPackage("dev.amldebug.server.tree..", "dev.amldebug.server.commands..",
                        "dev.amldebug.server.run..", "dev.amldebug.server.debug..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.amldebug.server.lsp..", "dev.amldebug.cli..")
                .check(classes);
    }

    @Test
    void theTreeModelIsFreeOfLsp4j() {
        noClasses().that().resideInAPackage("dev.amldebug.server.tree..")
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.lsp4j..")
                .check(classes);
    }

    @Test
    void onlyTheRunServicesMakeARunStore() {
        noClasses().that().doNotHaveFullyQualifiedName("dev.amldebug.server.run.RunServices")
                .and().resideOutsideOfPackage("dev.amldebug.runner..")
                .should().callConstructor(dev.amldebug.runner.run.RunStore.class, java.nio.file.Path.class)
                .check(classes);
    }

    /**
     * The command line is an adapter: it parses, calls a service (the run service, the job service, the Azure ML
     * client's reads) and renders. What a cloud job is made of, how it is submitted and followed, is the job service's.
     */
    @Test
    void theCommandLineLeavesCloudJobsToTheJobService() {
        noClasses().that().resideInAPackage("dev.amldebug.cli..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.amldebug.server.azure..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(
                                dev.amldebug.server.azure.AzureAccess.class, dev.amldebug.server.azure.WorkspaceSelection.class,
                                dev.amldebug.server.azure.GuideAttach.class))))
                .because("submitting, following, replaying and attaching to cloud jobs is JobService's, for every surface")
                .check(classes);
        noClasses().that().resideInAPackage("dev.amldebug.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.amldebug.azure.http..")
                .check(classes);
    }
}

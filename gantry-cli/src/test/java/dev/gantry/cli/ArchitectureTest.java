package dev.gantry.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of DESIGN.md, enforced: core is pure, runner does not know the server, nobody imports the CLI. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.gantry");
    }

    @Test
    void coreDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("dev.gantry..")
                .and().resideOutsideOfPackages("dev.gantry.runner..", "dev.gantry.server..", "dev.gantry.cli..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("dev.gantry.runner..", "dev.gantry.server..", "dev.gantry.cli..")
                .check(classes);
    }

    @Test
    void coreStartsNoProcessesThreadsOrNetwork() {
        noClasses().that().resideInAPackage("dev.gantry..")
                .and().resideOutsideOfPackages("dev.gantry.runner..", "dev.gantry.server..", "dev.gantry.cli..")
                .should().dependOnClassesThat().haveFullyQualifiedName(ProcessBuilder.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(Runtime.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(Thread.class.getName())
                .orShould().dependOnClassesThat().resideInAnyPackage("java.net..", "java.util.concurrent..",
                        "java.sql..", "javax.net..")
                .check(classes);
    }

    @Test
    void runnerDoesNotKnowTheServerOrTheCli() {
        noClasses().that().resideInAPackage("dev.gantry.runner..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.gantry.server..", "dev.gantry.cli..")
                .check(classes);
    }

    @Test
    void serverDoesNotKnowTheCli() {
        noClasses().that().resideInAPackage("dev.gantry.server..")
                .should().dependOnClassesThat().resideInAPackage("dev.gantry.cli..")
                .check(classes);
    }
}

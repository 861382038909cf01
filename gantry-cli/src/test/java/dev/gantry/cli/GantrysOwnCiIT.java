package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Gantry runs its own CI (issue 8): the {@code core} job of this repository's {@code .gitlab-ci.yml}
 * through {@code gantry run}, with a quick subset of the core tests chosen through MAVEN_OPTS and
 * the user's Maven repository, so that the job builds real code with real Maven without fetching
 * the world again.
 */
class GantrysOwnCiIT {

    @Test
    void theCoreJobOfGantrysOwnPipelinePasses() throws Exception {
        Path repository = Path.of("..").toAbsolutePath().normalize();
        assertThat(repository.resolve(".gitlab-ci.yml")).exists();
        Path json = Files.createTempFile("gantry-own-ci", ".json");
        String m2 = Path.of(System.getProperty("user.home"), ".m2", "repository").toString();
        GantryProcess.Outcome o = GantryProcess.execute("run", repository.resolve(".gitlab-ci.yml").toString(),
                "-j", "core", "--json", json.toString(),
                "--variable", "MAVEN_OPTS=-Dmaven.repo.local=" + m2
                        + " -Dtest=SchedulerTest -Dsurefire.failIfNoSpecifiedTests=false");
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("$ mvn -B -q -pl gantry-core verify", "Job succeeded");
        assertThat(Files.readString(json)).contains("\"status\" : \"passed\"");
    }
}

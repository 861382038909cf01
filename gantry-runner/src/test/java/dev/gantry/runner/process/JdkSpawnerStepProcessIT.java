package dev.gantry.runner.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.runner.files.ScratchFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The step contract with the JDK's {@code ProcessBuilder} and a setsid program. */
class JdkSpawnerStepProcessIT extends StepProcessContract {

    @Override
    SessionSpawner spawner() {
        return new JdkSessionSpawner(SessionLauncher.detect().orElseThrow());
    }

    @Test
    void thePerlFallbackAlsoMakesANewSession() {
        ProcessLauncher perl = new ProcessLauncher(SessionLauncher.perl(Path.of("/usr/bin/perl")), registry, FAST,
                new ScratchFiles(dir, 0));
        StepProcess step = perl.start(ProcessSpec.of(List.of("bash", "-c", "cut -d' ' -f5,6 /proc/$$/stat; echo \"$1\"", "x", "-arg"), dir, ENV));
        long pid = step.group().orElseThrow().id();
        assertThat(step.await(this::collect).exitCode()).isZero();
        assertThat(lines).containsExactly(pid + " " + pid, "-arg");
    }
}

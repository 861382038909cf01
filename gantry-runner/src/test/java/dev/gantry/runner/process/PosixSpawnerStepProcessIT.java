package dev.gantry.runner.process;

/**
 * The step contract with {@code posix_spawn} through the Foreign Function &amp; Memory API. The
 * test JVM (JDK 25) and the test machines (Debian, glibc 2.36) have it, so its absence fails here.
 */
class PosixSpawnerStepProcessIT extends StepProcessContract {

    private static final SessionSpawner POSIX = SessionSpawners.loadPosix()
            .orElseThrow(() -> new AssertionError("the posix_spawn spawner did not load on this JVM and machine"));

    @Override
    SessionSpawner spawner() {
        return POSIX;
    }
}

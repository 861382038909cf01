package dev.gantry.runner.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeclaredInputsTest {

    @TempDir
    Path dir;

    @Test
    void anInputTheOriginalDoesNotDeclareIsWarnedAboutAndTheStepStillRuns() throws Exception {
        FakeContext c = new FakeContext(dir).with("names", "x").with("path", "out.txt");
        Files.createDirectories(c.workspace());
        Files.writeString(c.workspace().resolve("out.txt"), "x");
        ActionResult result = StandardActions.registry().find("actions/upload-artifact@v4").orElseThrow().main(c);
        assertThat(result.ok()).isTrue();
        assertThat(c.warnings).anySatisfy(w -> assertThat(w)
                .startsWith("unexpected input(s) [names] for actions/upload-artifact@v4; it takes [name, path,"));
    }

    @Test
    void declaredInputsInAnyLetterCaseAreNotWarnedAbout() {
        FakeContext c = new FakeContext(dir).with("Key", "k").with("path", "p").with("ENABLECROSSOSARCHIVE", "true");
        StandardActions.registry().find("actions/cache/restore@v4").orElseThrow().main(c);
        assertThat(c.warnings).noneMatch(w -> w.contains("unexpected input"));
    }

    @Test
    void aDeprecatedInputIsWarnedAboutWithTheOriginalsMessage() {
        FakeContext c = new FakeContext(dir).with("key", "k").with("path", "p").with("save-always", "true");
        StandardActions.registry().find("actions/cache@v4").orElseThrow().main(c);
        assertThat(c.warnings).contains("input 'save-always' of actions/cache@v4 is deprecated: save-always does not"
                + " work as intended and will be removed in a future release. A separate `actions/cache/restore` step"
                + " should be used instead.");
        assertThat(c.warnings).noneMatch(w -> w.contains("unexpected input"));
    }

    @Test
    void inputsOnlyAnOlderMajorVersionDeclaredAreAccepted() {
        FakeContext c = new FakeContext(dir).with("node-version", "99").with("always-auth", "true");
        StandardActions.registry().find("actions/setup-node@v4").orElseThrow().main(c);
        assertThat(c.warnings).noneMatch(w -> w.contains("unexpected input"));
    }
}

package dev.gantry.runner.gitlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.model.StepAction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pure parts of the GitLab job runner: script text, reports, coverage, path selection. */
class GitlabReportsTest {

    @TempDir
    Path dir;

    @Test
    void theScriptStopsOnErrorsEchoesEachCommandAndCollapsesMultiLineOnes() {
        String script = BashScript.render(List.of(new StepAction.ScriptLine("echo 'it''s'", null),
                new StepAction.ScriptLine("for i in 1 2; do\n  echo $i\ndone", null)), false);
        assertThat(script).startsWith("set -eo pipefail\n")
                .contains("printf '%s\\n' '$ echo '\\''it'\\'''\\''s'\\'''\necho 'it''s'\n")
                .contains("'$ for i in 1 2; do # collapsed multi-line command'");
        assertThat(BashScript.render(List.of(new StepAction.ScriptLine("ls", null)), true))
                .contains("\u001b[32;1m$ ls\u001b[0;m");
    }

    @Test
    void aJunitReportCountsEveryTestCaseAndNamesTheFailingOnes() throws IOException {
        Path file = dir.resolve("r.xml");
        Files.writeString(file, """
                <testsuites><testsuite name="s">
                  <testcase classname="A" name="ok" time="0.5"/>
                  <testcase classname="A" name="bad" time="0.25"><failure>x</failure></testcase>
                  <testcase classname="A" name="broken"><error/></testcase>
                  <testcase name="later"><skipped/></testcase>
                </testsuite></testsuites>""");
        JunitReport r = JunitReport.parse(file);
        assertThat(r).isEqualTo(new JunitReport(4, 1, 1, 1, 0.75, List.of("A.bad", "A.broken")));
        assertThat(r.summary()).isEqualTo("4 tests, 1 failed, 1 errors, 1 skipped (0.75s)");
        Files.writeString(file, "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><testsuite>&e;</testsuite>");
        assertThatThrownBy(() -> JunitReport.parse(file)).isInstanceOf(IOException.class);
    }

    @Test
    void aDotenvReportTakesNameValueLinesAndReportsTheRest() throws IOException {
        Path file = dir.resolve("b.env");
        Files.writeString(file, "# comment\nURL=https://x/y?a=b\nQUOTED=\"two words\"\nnot a line\n\n");
        DotenvReport r = DotenvReport.parse(file);
        assertThat(r.variables()).containsExactly(java.util.Map.entry("URL", "https://x/y?a=b"),
                java.util.Map.entry("QUOTED", "two words"));
        assertThat(r.problems()).singleElement().asString().contains("b.env:4");
    }

    @Test
    void coverageIsTheLastMatchingLineAndItsFirstGroup() {
        CoverageScan scan = new CoverageScan("/Total: (\\d+\\.\\d+)%/");
        scan.line("Total: 12.5%");
        scan.line("nothing here");
        scan.line("Total: 84.20% of lines");
        assertThat(scan.coverage()).isEqualTo("84.20");
        CoverageScan noGroup = new CoverageScan("/Lines: \\d+%/");
        noGroup.line("Lines: 73%");
        assertThat(noGroup.coverage()).isEqualTo("73");
        assertThat(new CoverageScan(null).coverage()).isNull();
    }

    @Test
    void pathsSelectFilesAndDirectoryTreesExcludeWinsAndUntrackedAddsNewFiles() throws IOException {
        for (String f : List.of("build/a.jar", "build/sub/b.jar", "build/sub/b.log", "src/x.java", "new.txt",
                ".git/config")) {
            Files.createDirectories(dir.resolve(f).getParent());
            Files.writeString(dir.resolve(f), f);
        }
        assertThat(PathSelection.select(dir, List.of("build/"), List.of("**/*.log"), false, Set.of()))
                .containsExactly("build/a.jar", "build/sub/b.jar");
        assertThat(PathSelection.select(dir, List.of("build/**/*.jar"), List.of(), false, Set.of()))
                .containsExactly("build/a.jar", "build/sub/b.jar");
        assertThat(PathSelection.select(dir, List.of("../outside", "/etc"), List.of(), true,
                Set.of("build/a.jar", "build/sub/b.jar", "build/sub/b.log", "src/x.java")))
                .containsExactly("new.txt");
    }
}

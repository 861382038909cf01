package dev.gantry.expr.gitlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.gantry.diag.SourceRange;
import dev.gantry.model.Variable;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cases from docs.gitlab.com "CI/CD variables" (sections "Use CI/CD variables in other variables",
 * "As part of a string", "Use the $ character in CI/CD variables", "Prevent CI/CD variable
 * expansion") and "Where variables can be used" (section "Expansion mechanisms").
 */
class VariableExpanderTest {

    private static final Variables VARS = Variables.of(
            "CI_COMMIT_REF_NAME", "main",
            "B", "$CI_COMMIT_REF_NAME",
            "A", "$B-suffix",
            "FLAGS", "-al",
            "DIR", "path/to/directory",
            "HOME", "/root",
            "EMPTY", "")
            .withRaw("RAW", "raw-$FLAGS")
            .with("VIA_RAW", "$RAW");

    /** Runner expansion: $VAR, ${VAR}, nested references, $$ escape, raw variables, undefined → ''. */
    static Stream<Arguments> runner() {
        return Stream.of(
                arguments("$A", "main-suffix"),
                arguments("${A}", "main-suffix"),
                arguments("$B", "main"),
                arguments("ls \"$FLAGS\"", "ls \"-al\""),
                arguments("cd \"${DIR}_files\"", "cd \"path/to/directory_files\""),
                arguments("cd \"$DIR_files\"", "cd \"\""),
                arguments("$$HOME", "$HOME"),
                arguments("ls \"$FLAGS\" $$TMP_DIR", "ls \"-al\" $TMP_DIR"),
                arguments("$$$HOME", "$/root"),
                arguments("$$$$", "$$"),
                arguments("$RAW", "raw-$FLAGS"),
                arguments("$VIA_RAW", "raw-$FLAGS"),
                arguments("x$UNDEFINED-y", "x-y"),
                arguments("x${UNDEFINED}y", "xy"),
                arguments("[$EMPTY]", "[]"),
                arguments("%HOME%", "%HOME%"),
                arguments("cost $", "cost $"),
                arguments("$1 and $ and ${} and ${A", "$1 and $ and ${} and ${A"),
                arguments("${not a name}", "${not a name}"),
                arguments("$HOME$HOME", "/root/root"),
                arguments("", ""),
                arguments("no references", "no references"));
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @MethodSource("runner")
    void runnerExpansion(String text, String expected) {
        assertThat(VariableExpander.expand(text, VARS)).isEqualTo(expected);
    }

    /** GitLab's internal mechanism: also %VAR%, and references to unavailable variables stay intact. */
    static Stream<Arguments> gitlab() {
        return Stream.of(
                arguments("$A", "main-suffix"),
                arguments("%A%", "main-suffix"),
                arguments("review/$CI_COMMIT_REF_NAME", "review/main"),
                arguments("$UNDEFINED/x", "$UNDEFINED/x"),
                arguments("${UNDEFINED}/x", "${UNDEFINED}/x"),
                arguments("%UNDEFINED%", "%UNDEFINED%"),
                arguments("date +%Y%m%d", "date +%Y%m%d"),
                arguments("100%%", "100%%"),
                arguments("$$HOME", "$HOME"));
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @MethodSource("gitlab")
    void gitlabExpansion(String text, String expected) {
        assertThat(VariableExpander.expand(text, VARS, ExpansionPlace.GITLAB)).isEqualTo(expected);
    }

    /** "Nested variable expansion": the docs' BUILD_ROOT_DIR example, in both places. */
    @Test
    void nestedExpansionOfTheDocsExample() {
        Variables vars = Variables.of(
                "BUILD_ROOT_DIR", "${CI_BUILDS_DIR}",
                "OUT_PATH", "${BUILD_ROOT_DIR}/out",
                "PACKAGE_PATH", "${OUT_PATH}/pkg");
        assertThat(VariableExpander.resolveAll(vars.with("CI_BUILDS_DIR", "/output"), ExpansionPlace.RUNNER)
                .variables().value("PACKAGE_PATH")).isEqualTo("/output/out/pkg");
        assertThat(VariableExpander.resolveAll(vars, ExpansionPlace.GITLAB)
                .variables().value("PACKAGE_PATH")).isEqualTo("${CI_BUILDS_DIR}/out/pkg");
    }

    @Test
    void referencesMayPointForwardInDefinitionOrder() {
        Variables vars = Variables.of("FIRST", "$SECOND!", "SECOND", "$THIRD", "THIRD", "3");
        assertThat(VariableExpander.resolveAll(vars, ExpansionPlace.RUNNER).variables().asMap())
                .containsExactly(
                        java.util.Map.entry("FIRST", "3!"),
                        java.util.Map.entry("SECOND", "3"),
                        java.util.Map.entry("THIRD", "3"));
    }

    /** "Prevent CI/CD variable expansion": expand: false keeps $X literal, also when referenced. */
    @Test
    void expandFalseKeepsTheValueLiteral() {
        SourceRange at = SourceRange.at(".gitlab-ci.yml", 2, 3);
        Variables vars = Variables.fromModel(List.of(
                Variable.of("X", "expanded", at),
                new Variable("LITERAL", "$X", false, null, List.of(), at),
                Variable.of("USES", "[$LITERAL]", at)));
        Variables resolved = VariableExpander.resolveAll(vars, ExpansionPlace.RUNNER).variables();
        assertThat(resolved.value("LITERAL")).isEqualTo("$X");
        assertThat(resolved.value("USES")).isEqualTo("[$X]");
        assertThat(VariableExpander.expand("$LITERAL", vars)).isEqualTo("$X");
    }

    @Test
    void substitutedValuesAreNotScannedAgain() {
        Variables vars = Variables.of("ESCAPED", "$$B", "B", "expanded", "PRICE", "cost: $$5", "USES", "$PRICE");
        assertThat(VariableExpander.expand("$ESCAPED", vars)).isEqualTo("$B");
        assertThat(VariableExpander.expand("$USES", vars)).isEqualTo("cost: $5");
        Variables resolved = VariableExpander.resolveAll(vars, ExpansionPlace.RUNNER).variables();
        // Resolved values are final: expanding against them again changes nothing.
        assertThat(VariableExpander.expand("$ESCAPED", resolved)).isEqualTo("$B");
    }

    @Test
    void cyclesAreReportedAndLeftIntact() {
        Variables vars = Variables.of("A", "a$B", "B", "b$C", "C", "c$A", "OK", "$A");
        VariableExpander.ResolvedVariables result = VariableExpander.resolveAll(vars, ExpansionPlace.RUNNER);
        assertThat(result.problems()).containsExactly("circular variable reference: A -> B -> C -> A");
        assertThat(result.variables().value("A")).isEqualTo("abc$A");
    }

    @Test
    void aVariableMayReferToItselfForTheShell() {
        Variables vars = Variables.of("PATH", "/opt/bin:$PATH");
        VariableExpander.ResolvedVariables result = VariableExpander.resolveAll(vars, ExpansionPlace.GITLAB);
        assertThat(result.problems()).isEmpty();
        assertThat(result.variables().value("PATH")).isEqualTo("/opt/bin:$PATH");
    }

    @Test
    void nullTextIsEmpty() {
        assertThat(VariableExpander.expand(null, VARS)).isEmpty();
    }
}

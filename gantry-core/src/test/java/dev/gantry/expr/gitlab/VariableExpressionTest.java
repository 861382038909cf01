package dev.gantry.expr.gitlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.gantry.diag.SourceRange;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cases from docs.gitlab.com "Specify when jobs run with rules#CI/CD variable expressions" and its
 * subsections; each group names the one it follows.
 */
class VariableExpressionTest {

    private static final Variables VARS = Variables.of(
            "EMPTY", "",
            "BRANCH", "main",
            "DEFAULT", "main",
            "OTHER", "develop",
            "X", "FEAT-1",
            "SEVERE", "severe-issues",
            "ISSUE", "issue-42",
            "MULTI", "one\ntwo",
            "VERSION", "v1.23",
            "AT", "feat@x",
            "SLASHED", "a/b",
            "teststring", "abcde",
            "otherstring", "fghij",
            "pattern", "/^ab.*/",
            "ipattern", "/^AB/i",
            "notapattern", "abcdef",
            "CI_JOB_NAME", "regex-job2",
            "string1", "regex-job1",
            "string2", "regex-job2",
            "pattern2", "/$string2/");

    private static boolean eval(String expression, Variables variables) {
        VariableExpression.Parsed parsed = VariableExpression.parse(expression);
        assertThat(parsed.error()).as("parse error of %s", expression).isNull();
        return parsed.expression().evaluate(variables);
    }

    /** "CI/CD variable expressions": ==, != against strings, variables and null; a variable alone. */
    static Stream<Arguments> equality() {
        return Stream.of(
                arguments("$UNDEFINED == null", true),
                arguments("$EMPTY == null", false),
                arguments("$EMPTY == \"\"", true),
                arguments("$EMPTY == ''", true),
                arguments("$EMPTY != null", true),
                arguments("$UNDEFINED != null", false),
                arguments("$UNDEFINED == \"\"", false),
                arguments("$UNDEFINED != \"\"", true),
                arguments("$EMPTY", false),
                arguments("$UNDEFINED", false),
                arguments("$BRANCH", true),
                arguments("$BRANCH == \"main\"", true),
                arguments("$BRANCH == 'main'", true),
                arguments("$BRANCH != \"main\"", false),
                arguments("$BRANCH == \"Main\"", false),
                arguments("$BRANCH == $DEFAULT", true),
                arguments("$BRANCH == $OTHER", false),
                arguments("$BRANCH != $OTHER", true),
                arguments("\"main\" == $BRANCH", true),
                arguments("null == $UNDEFINED", true),
                arguments("$UNDEFINED == $ALSO_UNDEFINED", true),
                arguments("$EMPTY == $UNDEFINED", false),
                arguments("'a b' == 'a b'", true),
                arguments("\"it's\" == \"it's\"", true),
                arguments("null", false),
                arguments("\"x\"", true),
                arguments("\"\"", false),
                arguments("   $BRANCH   ==   \"main\"   ", true));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("equality")
    void equalityAndPresence(String expression, boolean expected) {
        assertThat(eval(expression, VARS)).isEqualTo(expected);
    }

    /** "Compare a variable to a regular expression": RE2, partial match, flags, escapes. */
    static Stream<Arguments> regex() {
        return Stream.of(
                arguments("$X =~ /^feat/i", true),
                arguments("$X =~ /^feat/", false),
                arguments("$X !~ /^feat/", true),
                arguments("$X !~ /^feat/i", false),
                arguments("$BRANCH =~ /ai/", true),
                arguments("$BRANCH =~ /^ai$/", false),
                arguments("$SEVERE =~ /issue/", true),
                arguments("$SEVERE =~ /^issue-/", false),
                arguments("$ISSUE =~ /^issue-.*$/", true),
                arguments("$ISSUE =~ /^issue-/", true),
                arguments("$UNDEFINED =~ /^feat/", false),
                arguments("$UNDEFINED !~ /^feat/", true),
                arguments("$MULTI =~ /^two$/", false),
                arguments("$MULTI =~ /^two$/m", true),
                arguments("$MULTI =~ /one.two/", false),
                arguments("$MULTI =~ /one.two/s", true),
                arguments("$MULTI =~ /ONE.TWO/is", true),
                arguments("$VERSION =~ /^v\\d+\\.\\d+$/", true),
                arguments("$VERSION =~ /^v[0-9]{3}/", false),
                arguments("$AT =~ /^feat\\x40x$/", true),
                arguments("$SLASHED =~ /^a\\/b$/", true),
                arguments("$BRANCH =~ /ma|dev/", true));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("regex")
    void regularExpressions(String expression, boolean expected) {
        assertThat(eval(expression, VARS)).isEqualTo(expected);
    }

    /** "Store a regular expression in a variable": right-hand variables hold /.../ patterns, unresolved. */
    static Stream<Arguments> regexInVariable() {
        return Stream.of(
                arguments("$teststring =~ $pattern", true),
                arguments("$otherstring =~ $pattern", false),
                arguments("$teststring !~ $pattern", false),
                arguments("$teststring =~ $ipattern", true),
                arguments("$CI_JOB_NAME =~ /$string1/", false),
                arguments("$CI_JOB_NAME =~ $pattern2", false),
                arguments("$BRANCH =~ \"/^ma/\"", true),
                arguments("$teststring =~ $UNDEFINED", false),
                arguments("$teststring !~ $UNDEFINED", true));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("regexInVariable")
    void regularExpressionsHeldInVariables(String expression, boolean expected) {
        assertThat(eval(expression, VARS)).isEqualTo(expected);
    }

    /**
     * "Troubleshooting#Unexpected behavior from regular expression matching with =~": a right side
     * that is not a /regex/ makes =~ test whether the left side is a substring of the right side.
     */
    static Stream<Arguments> substring() {
        return Stream.of(
                arguments("1234", "23", false),
                arguments("23", "1234", true),
                arguments("1234", "/23/", true),
                arguments("/23/", "1234", false),
                arguments("/23/", "/23/", true),
                arguments("23", "23", true));
    }

    @ParameterizedTest(name = "{0} =~ {1} is {2}")
    @MethodSource("substring")
    void matchingWithoutARegularExpression(String left, String right, boolean expected) {
        assertThat(eval("$LEFT =~ $RIGHT", Variables.of("LEFT", left, "RIGHT", right))).isEqualTo(expected);
    }

    @Test
    void literalStringsFollowTheSameSubstringRule() {
        assertThat(eval("\"23\" =~ \"1234\"", VARS)).isTrue();
        assertThat(eval("\"23\" =~ /1234/", VARS)).isFalse();
    }

    /** "Join variable expressions together": && before ||, parentheses first. */
    static Stream<Arguments> joined() {
        return Stream.of(
                // A is true, B && C is false: only A || (B && C) is true.
                arguments("$A == \"x\" || $B == \"y\" && $C == \"z\"", "x", "n", "n", true),
                arguments("($A == \"x\" || $B == \"y\") && $C == \"z\"", "x", "n", "n", false),
                arguments("$A == \"x\" || ($B == \"y\" && $C == \"z\")", "x", "n", "n", true),
                arguments("$A == \"x\" || $B == \"y\" && $C == \"z\"", "n", "y", "z", true),
                arguments("$A == \"x\" || $B == \"y\" && $C == \"z\"", "n", "y", "n", false),
                // C is true, A && B is false: only (A && B) || C is true.
                arguments("$A == \"x\" && $B == \"y\" || $C == \"z\"", "n", "n", "z", true),
                arguments("$A == \"x\" && ($B == \"y\" || $C == \"z\")", "n", "n", "z", false),
                arguments("(($A == \"x\" || $B == \"y\") && $C == \"z\")", "n", "y", "z", true),
                arguments("$A && $B && $C", "x", "y", "", false),
                arguments("$A || $B || $C", "", "", "z", true));
    }

    @ParameterizedTest(name = "{0} with A={1} B={2} C={3} is {4}")
    @MethodSource("joined")
    void precedenceAndParentheses(String expression, String a, String b, String c, boolean expected) {
        assertThat(eval(expression, Variables.of("A", a, "B", b, "C", c))).isEqualTo(expected);
    }

    /** "Join variable expressions together": the docs' nested example. */
    @Test
    void nestedExampleFromTheDocs() {
        String expression = "$CI_COMMIT_BRANCH == \"my-branch\" || (($VARIABLE1 == \"thing\" "
                + "|| $VARIABLE2 == \"thing\") && $VARIABLE3)";
        assertThat(eval(expression, Variables.of("CI_COMMIT_BRANCH", "my-branch"))).isTrue();
        assertThat(eval(expression, Variables.of("VARIABLE2", "thing", "VARIABLE3", "1"))).isTrue();
        assertThat(eval(expression, Variables.of("VARIABLE2", "thing"))).isFalse();
    }

    /**
     * A value alone inside && and || keeps its documented meaning (defined and not empty), where
     * GitLab.com has issue 321371.
     */
    @Test
    void emptyVariableIsFalseInsideConjunctions() {
        assertThat(eval("$EMPTY && $BRANCH == \"main\"", VARS)).isFalse();
        assertThat(eval("$EMPTY || $BRANCH == \"main\"", VARS)).isTrue();
        assertThat(eval("$BRANCH == \"main\" || $EMPTY", VARS)).isTrue();
    }

    /** Syntax errors come back with the offset of the offending token, never as exceptions. */
    static Stream<Arguments> syntaxErrors() {
        return Stream.of(
                arguments("", 0, "empty"),
                arguments("   ", 0, "empty"),
                arguments("$VAR ==", 7, "expected a value"),
                arguments("$VAR == \"x", 8, "no closing \""),
                arguments("$VAR == 'x", 8, "no closing '"),
                arguments("$VAR =~ /a/", 8, "at least two characters"),
                arguments("$VAR =~ /./", 8, "at least two characters"),
                arguments("$VAR =~ /^(?!x)y/", 8, "invalid regular expression"),
                arguments("$VAR =~ /unterminated", 8, "no closing '/'"),
                arguments("!$VAR", 0, "no negation"),
                arguments("$VAR == main", 8, "unexpected 'main'"),
                arguments("($VAR == \"x\"", 12, "expected ')'"),
                arguments("$VAR == \"x\")", 11, "unexpected ')'"),
                arguments("$A == \"x\" == \"y\"", 10, "cannot be chained"),
                arguments("$A $B", 3, "unexpected $B"),
                arguments("${VAR} == \"x\"", 0, "${NAME}"),
                arguments("$A == \"x\" &&", 12, "expected a value"),
                arguments("&& $A", 0, "expected a value"),
                arguments("$A = \"x\"", 3, "unexpected '='"),
                arguments("$ == \"x\"", 0, "variable name"),
                arguments("()", 1, "expected a value"),
                arguments("$A == (\"x\")", 6, "expected a value"));
    }

    @ParameterizedTest(name = "[{0}] fails at {1}: {2}")
    @MethodSource("syntaxErrors")
    void syntaxErrorsHaveOffsets(String expression, int offset, String fragment) {
        VariableExpression.Parsed parsed = VariableExpression.parse(expression);
        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.error().offset()).isEqualTo(offset);
        assertThat(parsed.error().message()).contains(fragment);
    }

    @Test
    void absurdNestingIsAnErrorNotACrash() {
        String deep = "(".repeat(10_000) + "$A" + ")".repeat(10_000);
        VariableExpression.Parsed parsed = VariableExpression.parse(deep);
        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.error().message()).contains("nested too deeply");
        assertThat(VariableExpression.parse(null).ok()).isFalse();
    }

    @Test
    void errorBecomesADiagnosticAtTheValue() {
        ExpressionError error = VariableExpression.parse("$VAR == main").error();
        assertThat(error.toDiagnostic(SourceRange.at(".gitlab-ci.yml", 4, 11)).format()).isEqualTo(
                ".gitlab-ci.yml:4:11: error: invalid expression syntax at character 9: unexpected 'main'; "
                        + "quote strings and write variables as $NAME [invalid-expression]");
    }

    @Test
    void parsedOnceEvaluatedManyTimes() {
        VariableExpression expression = VariableExpression.parse("$CI_COMMIT_BRANCH =~ /^release-/ && $DEPLOY").expression();
        assertThat(expression.variableNames()).containsExactly("CI_COMMIT_BRANCH", "DEPLOY");
        assertThat(expression.evaluate(Variables.of("CI_COMMIT_BRANCH", "release-1", "DEPLOY", "yes"))).isTrue();
        assertThat(expression.evaluate(Variables.of("CI_COMMIT_BRANCH", "release-1"))).isFalse();
        assertThat(expression.evaluate(Variables.of("CI_COMMIT_BRANCH", "main", "DEPLOY", "yes"))).isFalse();
        assertThat(expression.source()).isEqualTo("$CI_COMMIT_BRANCH =~ /^release-/ && $DEPLOY");
    }
}

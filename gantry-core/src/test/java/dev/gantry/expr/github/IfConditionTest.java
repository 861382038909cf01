package dev.gantry.expr.github;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "Workflow syntax for GitHub Actions#jobsjob_idif" and "Evaluate expressions in workflows and
 * actions#status-check-functions": {@code ${{ }}} optional, an implicit {@code success() &&}
 * unless a status function is called, text around {@code ${{ }}} always true.
 */
class IfConditionTest {

    private static EvalContext ctx;

    @BeforeAll
    static void contexts() throws Exception {
        ctx = ExpressionCasesTest.contexts();
    }

    @ParameterizedTest(name = "[{1}] {0} -> {2}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', value = {
        // condition | job status | runs?
        "\"\"                                                  | success   | true",
        "\"\"                                                  | failure   | false",
        "github.ref == 'refs/heads/main'                       | success   | true",
        "${{ github.ref == 'refs/heads/main' }}                | success   | true",
        "github.ref == 'refs/heads/main'                       | failure   | false",
        "${{ github.ref == 'refs/heads/other' }}               | success   | false",
        "${{ failure() }}                                      | failure   | true",
        "failure()                                             | success   | false",
        "always()                                              | cancelled | true",
        "!cancelled()                                          | failure   | true",
        "!cancelled()                                          | cancelled | false",
        "cancelled()                                           | cancelled | true",
        "failure() && steps.build.conclusion == 'success'      | failure   | true",
        "success() || failure()                                | failure   | true",
        "steps.build.outcome == 'success'                      | cancelled | false",
        "matrix.os == 'ubuntu-latest'                          | success   | true",
        "0                                                     | success   | false",
        "'0'                                                   | success   | true",
        "inputs.flag                                           | success   | false",
        "${{ 'false' }}                                        | success   | false",
        "${{ github.ref == 'refs/heads/other' }} extra         | success   | true",
        "x ${{ false }}                                        | success   | true",
        "${{ false }} || ${{ false }}                          | success   | true",
        "\" ${{ false }}\"                                     | success   | true",
        "${{ false }} x                                        | failure   | false",
        "${{ always() }} x                                     | failure   | true",
        "fromJSON('bad')                                       | failure   | false",
    })
    void decidesWhetherItRuns(String condition, String jobStatus, boolean runs) {
        Result<Boolean> r = IfCondition.parse(condition).value()
                .evaluate(ctx.withStatus(StatusCheck.ofJobStatus(jobStatus)));
        assertThat(r.errorOrNull()).isNull();
        assertThat(r.value()).isEqualTo(runs);
    }

    @Test
    void textAroundTheExpressionIsFlaggedForLint() {
        assertThat(IfCondition.parse("${{ github.ref == 'x' }} && ${{ github.sha }}").value().hasTextAroundExpression()).isTrue();
        assertThat(IfCondition.parse("${{ github.ref == 'x' }}").value().hasTextAroundExpression()).isFalse();
        assertThat(IfCondition.parse("github.ref == 'x'").value().hasTextAroundExpression()).isFalse();
    }

    @Test
    void theImplicitSuccessIsDroppedWhenAStatusFunctionIsCalledAnywhere() {
        assertThat(IfCondition.parse("github.ref == 'x'").value().implicitSuccess()).isTrue();
        assertThat(IfCondition.parse("contains(format('{0}', always()), 'true')").value().implicitSuccess()).isFalse();
        assertThat(IfCondition.parse("${{ !CANCELLED() }}").value().implicitSuccess()).isFalse();
    }

    @Test
    void errorsPointIntoTheIfText() {
        ExpressionError e = IfCondition.parse("${{ github.ref == }}").errorOrNull();
        assertThat(e.offset()).isEqualTo(17);
        assertThat(e.message()).isEqualTo("unexpected end of expression");
        assertThat(IfCondition.parse("github.event_name == 'push' &&").errorOrNull().offset()).isEqualTo(30);
        assertThat(IfCondition.parse("${{ success() }}").value().expressionOffset()).isEqualTo(4);
    }

    @Test
    void evaluationErrorsAreResultsNotExceptions() {
        Result<Boolean> r = IfCondition.parse("fromJSON('bad')").value().evaluate(ctx);
        assertThat(r.errorOrNull()).isNotNull();
        assertThat(r.errorOrNull().message()).startsWith("fromJSON:");
    }
}

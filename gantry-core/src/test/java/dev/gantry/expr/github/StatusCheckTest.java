package dev.gantry.expr.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "Evaluate expressions in workflows and actions#status-check-functions" at job level: the
 * results of the jobs a job needs, directly or through others, decide {@code success()} and
 * {@code failure()}; a cancelled run decides {@code cancelled()}.
 */
class StatusCheckTest {

    @ParameterizedTest(name = "needs {0}, cancelled={1}: {2} -> {3}")
    @CsvSource(delimiterString = " | ", value = {
        "success success | false | ''                  | true",
        "success failure | false | ''                  | false",
        "success failure | false | failure()           | true",
        "success skipped | false | success()           | false",
        "success skipped | false | failure()           | false",
        "success skipped | false | always()            | true",
        "success success | true  | ''                  | false",
        "success success | true  | cancelled()         | true",
        "success success | true  | !cancelled()        | false",
        "failure         | false | !cancelled()        | true",
        "cancelled       | false | success()           | false",
        "''              | false | success()           | true",
    })
    void jobConditionsFollowTheNeededJobs(String results, boolean cancelled, String condition, boolean runs) {
        List<String> ancestors = results.isEmpty() ? List.of() : List.of(results.split(" "));
        EvalContext ctx = EvalContext.empty().withStatus(StatusCheck.forJob(ancestors, cancelled));
        assertThat(IfCondition.parse(condition).value().evaluate(ctx).value()).isEqualTo(runs);
    }

    @Test
    void contextsAreFoundByNameInAnyLetterCaseAndCanBeReplaced() {
        EvalContext ctx = EvalContext.of(Map.of("GitHub", Map.of("ref", "x"), "unknown", 1));
        assertThat(ctx.context(ContextName.GITHUB)).isEqualTo(Map.of("ref", "x"));
        EvalContext later = ctx.with(ContextName.STEPS, Map.of("a", Map.of("outcome", "success")));
        assertThat(Expression.parse("steps.a.outcome == 'success' && github.ref").value().evaluate(later).value())
                .isEqualTo("x");
        assertThat(ctx.context(ContextName.STEPS)).isNull();
    }
}

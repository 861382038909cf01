package dev.gantry.expr.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The walker lint uses to find context references ("Contexts reference"), with their offsets. */
class ContextReferenceTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', value = {
        "steps.build.outputs.x == needs.a.result          | steps.build.outputs.x needs.a.result",
        "matrix.os                                        | matrix.os",
        "github.event.commits.*.author.name               | github.event.commits.*.author.name",
        "github.event.commits[*].id                       | github.event.commits.*.id",
        "steps['my-step'].outputs[0]                      | steps.my-step.outputs.0",
        "matrix[env.KEY].x                                | matrix env.KEY",
        "contains(github.event.issue.labels.*.name, 'x')  | github.event.issue.labels.*.name",
        "toJSON(github)                                   | github",
        "format('{0}', inputs.name) || VARS.Region         | inputs.name vars.Region",
        "fromJSON('{}').a                                 | ''",
        "(steps).build                                    | steps.build",
    })
    void listsEveryContextReference(String expression, String expected) {
        List<String> refs = Expression.parse(expression).value().contextReferences().stream()
                .map(ContextReference::dotted).toList();
        assertThat(refs).isEqualTo(expected.equals("''") ? List.of() : List.of(expected.split(" ")));
    }

    @Test
    void referencesCarryOffsetsAndCompleteness() {
        List<ContextReference> refs = Expression.parse("steps.build.outputs.x == matrix[env.KEY]").value()
                .contextReferences();
        assertThat(refs).containsExactly(
                new ContextReference(ContextName.STEPS, List.of("build", "outputs", "x"), true, 0, 21),
                new ContextReference(ContextName.MATRIX, List.of(), false, 25, 31),
                new ContextReference(ContextName.ENV, List.of("KEY"), true, 32, 39));
    }
}

package dev.gantry.expr.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.diag.Diagnostic;
import dev.gantry.diag.SourceRange;
import dev.gantry.model.Input;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * "Contexts reference#inputs-context" and "Events that trigger workflows#workflow_dispatch": the
 * {@code inputs} context keeps types, {@code github.event.inputs} holds strings.
 */
class WorkflowInputsTest {

    private static final SourceRange AT = SourceRange.at("wf.yml", 3, 3);

    private static Input input(String name, String type, boolean required, String defaultValue, String... options) {
        return new Input(name, type, null, required, defaultValue, List.of(options), AT);
    }

    @Test
    void aBooleanInputSetToFalseIsTheStringFalseInTheEventButFalseInInputs() {
        WorkflowInputs w = WorkflowInputs.forDispatch(List.of(input("flag", "boolean", false, null)),
                Map.of("flag", "false"), AT);
        EvalContext ctx = EvalContext.of(Map.of("inputs", w.inputs(),
                "github", Map.of("event", Map.of("inputs", w.eventInputs()))));

        assertThat(eval("github.event.inputs.flag", ctx)).isEqualTo("false");
        assertThat(Values.isTruthy(eval("github.event.inputs.flag", ctx))).isTrue();
        assertThat(eval("inputs.flag", ctx)).isEqualTo(false);
        assertThat(IfCondition.parse("${{ github.event.inputs.flag }}").value().evaluate(ctx).value()).isTrue();
        assertThat(IfCondition.parse("${{ inputs.flag }}").value().evaluate(ctx).value()).isFalse();
        assertThat(w.diagnostics()).isEmpty();
    }

    @Test
    void numbersAreNumbersInInputsAndTextInTheEvent() {
        WorkflowInputs w = WorkflowInputs.forDispatch(List.of(input("count", "number", true, null)),
                Map.of("count", "3"), AT);
        assertThat(w.inputs()).containsEntry("count", 3.0);
        assertThat(w.eventInputs()).containsEntry("count", "3");
    }

    @Test
    void inputsNotGivenTakeTheirDefaultOrTheTypesEmptyValue() {
        WorkflowInputs w = WorkflowInputs.forDispatch(List.of(
                input("deploy", "boolean", false, "true"),
                input("dry", "boolean", false, null),
                input("name", null, false, null),
                input("env", "choice", false, "staging", "staging", "prod")), Map.of(), AT);
        assertThat(w.inputs()).containsExactly(Map.entry("deploy", true), Map.entry("dry", false),
                Map.entry("name", ""), Map.entry("env", "staging"));
        assertThat(w.eventInputs()).containsExactly(Map.entry("deploy", "true"), Map.entry("dry", "false"),
                Map.entry("name", ""), Map.entry("env", "staging"));
    }

    @Test
    void badValuesAreDiagnosticsAtTheInput() {
        WorkflowInputs w = WorkflowInputs.forDispatch(List.of(
                input("flag", "boolean", false, null),
                input("count", "number", false, null),
                input("env", "choice", false, null, "staging", "prod"),
                input("must", "string", true, null)),
                Map.of("flag", "yes", "count", "many", "env", "qa", "extra", "1"), AT);
        assertThat(w.diagnostics()).extracting(Diagnostic::rule)
                .containsExactlyInAnyOrder("invalid-input", "invalid-input", "invalid-input", "missing-input",
                        "unknown-input");
        assertThat(w.diagnostics()).extracting(Diagnostic::format)
                .contains("wf.yml:3:3: error: input 'flag': a boolean input takes true or false, not 'yes' [invalid-input]");
    }

    private static Object eval(String text, EvalContext ctx) {
        return Expression.parse(text).flatMap(e -> e.evaluate(ctx)).value();
    }
}

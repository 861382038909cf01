package dev.gantry.expr.github;

import dev.gantry.diag.Diagnostic;
import dev.gantry.diag.Severity;
import dev.gantry.diag.SourceRange;
import dev.gantry.model.Input;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code inputs} context and the {@code github.event.inputs} payload of a
 * {@code workflow_dispatch} run, built from the workflow's input definitions and the values given
 * as text (on the command line, a web form or an API call).
 *
 * <p>The two differ on purpose ("Contexts reference#inputs-context"; "Events that trigger
 * workflows#workflow_dispatch"): {@code inputs} keeps each input's type — a boolean input is a
 * boolean, a number input a number — while {@code github.event.inputs} holds every value as a
 * string, so a boolean input set to false is {@code 'false'} there, which is truthy. Inputs that
 * were not given take their default, else {@code false}, {@code 0} or {@code ''} by type (the
 * defaults "Workflow syntax for GitHub Actions#onworkflow_callinputsinput_iddefault" documents).
 *
 * @param inputs      the {@code inputs} context, in definition order
 * @param eventInputs the {@code inputs} object of the event payload, in definition order
 * @param diagnostics problems with the given values: unknown names ({@code unknown-input}), missing
 *                    required values ({@code missing-input}), values of the wrong type or not among
 *                    a choice's options ({@code invalid-input})
 */
public record WorkflowInputs(Map<String, Object> inputs, Map<String, Object> eventInputs,
                             List<Diagnostic> diagnostics) {

    public WorkflowInputs {
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        eventInputs = Collections.unmodifiableMap(new LinkedHashMap<>(eventInputs));
        diagnostics = List.copyOf(diagnostics);
    }

    /**
     * Builds both objects for a {@code workflow_dispatch} run.
     *
     * @param definitions the workflow's {@code on.workflow_dispatch.inputs}
     * @param given       values by input name, as text
     * @param where       where the trigger is defined, for problems that belong to no one input
     */
    public static WorkflowInputs forDispatch(List<Input> definitions, Map<String, String> given, SourceRange where) {
        Map<String, Object> typed = new LinkedHashMap<>();
        Map<String, Object> text = new LinkedHashMap<>();
        List<Diagnostic> problems = new ArrayList<>();
        for (String name : given.keySet()) {
            if (definitions.stream().noneMatch(d -> d.name().equals(name))) {
                problems.add(new Diagnostic(Severity.ERROR, where, "input '" + name
                        + "' is not defined by the workflow's workflow_dispatch trigger", "unknown-input"));
            }
        }
        for (Input def : definitions) {
            String type = def.type() == null ? "string" : def.type().toLowerCase(Locale.ROOT);
            String value = given.get(def.name());
            if (value == null && def.required() && def.defaultValue() == null) {
                problems.add(new Diagnostic(Severity.ERROR, def.range(),
                        "input '" + def.name() + "' is required but no value was given", "missing-input"));
            }
            if (value == null) {
                value = def.defaultValue() != null ? def.defaultValue() : emptyText(type);
            }
            Object v = typedValue(def, type, value, problems);
            typed.put(def.name(), v);
            text.put(def.name(), type.equals("boolean") && v instanceof Boolean b ? b.toString() : value);
        }
        return new WorkflowInputs(typed, text, problems);
    }

    private static String emptyText(String type) {
        return switch (type) {
            case "boolean" -> "false";
            case "number" -> "0";
            default -> "";
        };
    }

    private static Object typedValue(Input def, String type, String value, List<Diagnostic> problems) {
        switch (type) {
            case "boolean" -> {
                if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                    return Boolean.parseBoolean(value.toLowerCase(Locale.ROOT));
                }
                problems.add(invalid(def, "a boolean input takes true or false, not '" + value + "'"));
                return value;
            }
            case "number" -> {
                double d = Numbers.parse(value);
                if (Double.isNaN(d) || value.isBlank()) {
                    problems.add(invalid(def, "a number input takes a number, not '" + value + "'"));
                    return value;
                }
                return d;
            }
            case "choice" -> {
                if (!def.options().isEmpty() && !value.isEmpty() && !def.options().contains(value)) {
                    problems.add(invalid(def, "'" + value + "' is not one of the options "
                            + String.join(", ", def.options())));
                }
                return value;
            }
            default -> {
                return value;
            }
        }
    }

    private static Diagnostic invalid(Input def, String message) {
        return new Diagnostic(Severity.ERROR, def.range(), "input '" + def.name() + "': " + message, "invalid-input");
    }
}

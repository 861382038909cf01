package dev.gantry.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.diag.Diagnostic;
import dev.gantry.diag.Severity;
import dev.gantry.diag.SourceRange;
import dev.gantry.expr.gitlab.ExpansionPlace;
import dev.gantry.expr.gitlab.VariableExpander;
import dev.gantry.expr.gitlab.VariableExpression;
import dev.gantry.expr.gitlab.Variables;
import dev.gantry.expr.github.EvalContext;
import dev.gantry.expr.github.Expression;
import dev.gantry.expr.github.ExpressionError;
import dev.gantry.expr.github.NioWorkspaceFiles;
import dev.gantry.expr.github.Result;
import dev.gantry.expr.github.StatusCheck;
import dev.gantry.expr.github.Template;
import dev.gantry.expr.github.Values;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gantry eval}: evaluates one expression and prints its value as JSON (exit 0), or a
 * diagnostic {@code <expression>:LINE:COL: error: MESSAGE [expression]} on stderr (exit 2).
 *
 * <p>GitHub: the context file holds the contexts by name at the top level; the status check
 * functions follow {@code job.status}; {@code hashFiles} reads the current directory. The
 * expression may be written with or without {@code ${{ }}}; text around {@code ${{ }}} makes a
 * string, as in a workflow value.
 *
 * <p>GitLab ({@code --lang gitlab}): a {@code rules:if} variable expression; the context file is a
 * flat map of variable names to values; the printed value is {@code true} or {@code false}.
 */
final class EvalCommand implements Callable<Integer> {

    enum Lang { github, gitlab }

    static final String SOURCE = "<expression>";

    private final CommandSpec spec = CommandSpecs.command(this, "eval",
            "Evaluate one expression and print its value as JSON.");
    private Lang lang;
    private Path contextFile;
    private String expression;

    /** The model of {@code gantry eval}. */
    CommandSpec spec() {
        spec.addOption(CommandSpecs.option(Lang.class, "github|gitlab", "github",
                "Expression language (default: ${DEFAULT-VALUE}).", "--lang"));
        spec.addOption(CommandSpecs.option(Path.class, "FILE", null,
                "Contexts as JSON: for github, {\"github\": {...}, \"env\": {...}, \"job\": {\"status\": \"failure\"}}.",
                "--context"));
        spec.addPositional(CommandSpecs.positional(String.class, "1", "EXPR", null,
                "The expression, with or without $${{ }}."));
        return CommandSpecs.withStandardHelp(spec);
    }

    @Override
    public Integer call() {
        lang = CommandSpecs.value(spec, "--lang");
        contextFile = CommandSpecs.value(spec, "--context");
        expression = CommandSpecs.positional(spec, 0);
        Map<String, Object> contexts;
        try {
            contexts = readContexts();
        } catch (IOException e) {
            System.err.println("gantry eval: cannot read the context file " + contextFile + ": " + message(e));
            return 2;
        }
        if (lang == Lang.gitlab) {
            return evalGitlab(contexts);
        }
        return evalGithub(contexts);
    }

    private Map<String, Object> readContexts() throws IOException {
        if (contextFile == null) {
            return Map.of();
        }
        Object json = new ObjectMapper().readValue(contextFile.toFile(), Object.class);
        if (!(json instanceof Map<?, ?> map)) {
            throw new IOException("expected a JSON object with contexts by name at the top level");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> contexts = (Map<String, Object>) map;
        return contexts;
    }

    private int evalGithub(Map<String, Object> contexts) {
        Object job = contexts.get("job");
        Object status = job instanceof Map<?, ?> m ? m.get("status") : null;
        EvalContext ctx = EvalContext.of(contexts)
                .withStatus(StatusCheck.ofJobStatus(status instanceof String s ? s : null))
                .withWorkspace(new NioWorkspaceFiles(Path.of("")));
        Result<Object> result = expression.contains("${{")
                ? Template.parse(expression).flatMap(t -> t.evaluate(ctx))
                : Expression.parse(expression).flatMap(e -> e.evaluate(ctx));
        return switch (result) {
            case Result.Ok<Object> ok -> {
                System.out.println(Values.toJson(ok.value()));
                yield 0;
            }
            case Result.Err<Object> err -> {
                System.err.println(diagnostic(err.error()).format());
                yield 2;
            }
        };
    }

    /**
     * GitLab: the context file is a flat map of variable names to values (numbers and booleans
     * count as their text; null leaves a variable undefined). Variables that reference others are
     * expanded first, as GitLab does before it evaluates {@code rules:if}. The value printed is the
     * expression's boolean.
     */
    private int evalGitlab(Map<String, Object> context) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        context.forEach((name, value) -> {
            if (value != null) {
                values.put(name, value.toString());
            }
        });
        Variables variables = VariableExpander.resolveAll(Variables.of(values), ExpansionPlace.GITLAB).variables();
        VariableExpression.Parsed parsed = VariableExpression.parse(expression);
        if (!parsed.ok()) {
            System.err.println(diagnostic(parsed.error().offset(), parsed.error().message()).format());
            return 2;
        }
        System.out.println(parsed.expression().evaluate(variables));
        return 0;
    }

    private Diagnostic diagnostic(ExpressionError e) {
        return diagnostic(e.offset(), e.message());
    }

    /** The error as a compiler-style line; line and column count within the expression text. */
    private Diagnostic diagnostic(int offset, String message) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(offset, expression.length()); i++) {
            if (expression.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Diagnostic(Severity.ERROR, SourceRange.at(SOURCE, line, column), message, "expression");
    }

    private static String message(IOException e) {
        return e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
    }
}

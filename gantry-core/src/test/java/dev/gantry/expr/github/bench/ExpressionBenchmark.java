package dev.gantry.expr.github.bench;

import dev.gantry.expr.github.EvalContext;
import dev.gantry.expr.github.Expression;
import dev.gantry.expr.github.IfCondition;
import dev.gantry.expr.github.Result;
import dev.gantry.expr.github.Template;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parse and evaluation cost of typical expressions (issue 3: parse a typical {@code if:} under 20 µs,
 * evaluate a parsed one under 2 µs). Run with {@code bench/expressions.sh}; not a test.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ExpressionBenchmark {

    /** A typical job or step condition. */
    static final String TYPICAL_IF = "${{ github.event_name == 'push' && startsWith(github.ref, 'refs/heads/release/')"
            + " && !contains(github.event.head_commit.message, '[skip ci]') }}";
    static final String SIMPLE_IF = "github.ref == 'refs/heads/main'";
    static final String TEMPLATE = "build-${{ matrix.os }}-${{ format('{0}-{1}', github.sha, strategy.job-index) }}";

    private EvalContext context;
    private IfCondition typical;
    private Expression simple;
    private Template template;

    @Setup
    public void setUp() {
        Map<String, Object> github = Map.of(
                "event_name", "push",
                "ref", "refs/heads/release/1.2",
                "sha", "0123456789abcdef",
                "event", Map.of("head_commit", Map.of("message", "Fix the flaky test\n\nDetails follow."),
                        "commits", List.of(Map.of("id", "a"), Map.of("id", "b"))));
        context = EvalContext.of(Map.of("github", github,
                "matrix", Map.of("os", "ubuntu-latest", "node", 20),
                "strategy", Map.of("job-index", 3)));
        typical = IfCondition.parse(TYPICAL_IF).value();
        simple = Expression.parse(SIMPLE_IF).value();
        template = Template.parse(TEMPLATE).value();
    }

    @Benchmark
    public Result<IfCondition> parseTypicalIf() {
        return IfCondition.parse(TYPICAL_IF);
    }

    @Benchmark
    public Result<Expression> parseSimpleExpression() {
        return Expression.parse(SIMPLE_IF);
    }

    @Benchmark
    public Result<Boolean> evaluateParsedTypicalIf() {
        return typical.evaluate(context);
    }

    @Benchmark
    public Result<Object> evaluateParsedSimpleExpression() {
        return simple.evaluate(context);
    }

    @Benchmark
    public Result<String> interpolateParsedTemplate() {
        return template.evaluateToString(context);
    }
}

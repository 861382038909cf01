package dev.gantry.expr.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The documented behaviour of expressions, case by case, from {@code expr/github/cases.txt}: each
 * group there names the section of docs.github.com "Evaluate expressions in workflows and actions"
 * or "Contexts reference" it follows.
 */
class ExpressionCasesTest {

    /** One line of the case file. */
    record Case(String group, int line, String expression, String expected, String status) {
        @Override
        public String toString() {
            return "line " + line + ": " + expression + "  =>  " + expected;
        }
    }

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        String group = "";
        String status = "success";
        List<String> lines = read("cases.txt").lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("## ")) {
                group = line.substring(3);
            } else if (line.startsWith("@status ")) {
                status = line.substring(8).strip();
            } else if (!line.isBlank() && !line.startsWith("#")) {
                int arrow = line.lastIndexOf(" => ");
                cases.add(new Case(group, i + 1, line.substring(0, arrow).strip(), line.substring(arrow + 4).strip(),
                        status));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluatesAsDocumented(Case c) throws Exception {
        EvalContext ctx = contexts().withStatus(StatusCheck.ofJobStatus(c.status()));
        Result<Object> result = Expression.parse(c.expression()).flatMap(e -> e.evaluate(ctx));
        if (c.expected().startsWith("error")) {
            assertThat(result.isOk()).as("%s should fail", c).isFalse();
            String wanted = c.expected().substring("error".length()).replaceFirst("^:\\s*", "");
            assertThat(result.errorOrNull().message()).as(c.toString()).contains(wanted);
        } else {
            assertThat(result.isOk()).as("%s failed: %s", c, result.errorOrNull()).isTrue();
            assertThat(compact(result.value())).as(c.toString()).isEqualTo(c.expected());
        }
    }

    static EvalContext contexts() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> all = (Map<String, Object>) Json.parse(read("contexts.json"));
        return EvalContext.of(all);
    }

    static String read(String name) throws IOException {
        try (InputStream in = ExpressionCasesTest.class.getResourceAsStream("/expr/github/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Single-line JSON with numbers as the runner writes them, for comparing with the case file. */
    static String compact(Object v) {
        StringBuilder sb = new StringBuilder();
        compact(sb, v);
        return sb.toString();
    }

    private static void compact(StringBuilder sb, Object v) {
        switch (v) {
            case null -> sb.append("null");
            case String s -> sb.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")
                    .replace("\n", "\\n").replace("\t", "\\t")).append('"');
            case List<?> list -> {
                sb.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    compact(sb, list.get(i));
                }
                sb.append(']');
            }
            case Map<?, ?> map -> {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    compact(sb, e.getKey());
                    sb.append(':');
                    compact(sb, e.getValue());
                }
                sb.append('}');
            }
            default -> sb.append(Values.toStr(v));
        }
    }
}

package dev.gantry.expr.gitlab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;

/**
 * Expands GitLab CI/CD variable references in text. Follows "Where variables can be used"
 * (docs.gitlab.com, sections "GitLab internal variable expansion mechanism", "Nested variable
 * expansion" and "GitLab Runner internal variable expansion mechanism") and "CI/CD variables"
 * (sections "Use CI/CD variables in other variables", "Use the {@code $} character in CI/CD
 * variables", "Prevent CI/CD variable expansion").
 *
 * <ul>
 *   <li>{@code $NAME} and {@code ${NAME}}, where NAME is {@code [A-Za-z_][A-Za-z0-9_]*}; in
 *       {@link ExpansionPlace#GITLAB} also {@code %NAME%}.</li>
 *   <li>{@code $$} is the escape for a literal {@code $}.</li>
 *   <li>A referenced variable's own references are expanded first (nested expansion), so
 *       {@code A: $B-suffix} with {@code B: $CI_COMMIT_REF_NAME} gives {@code main-suffix}. A value
 *       that was substituted is never scanned again, so a {@code $} produced by {@code $$} or by a
 *       raw variable stays literal.</li>
 *   <li>A raw variable ({@code expand: false}) is substituted as written.</li>
 *   <li>An undefined variable is left intact ({@link ExpansionPlace#GITLAB}) or becomes ''
 *       ({@link ExpansionPlace#RUNNER}).</li>
 *   <li>A reference that closes a cycle ({@code A: $B}, {@code B: $A}) is left intact and reported;
 *       a variable that refers to itself ({@code PATH: /opt/bin:$PATH}) keeps that reference
 *       silently, as GitLab leaves it for the shell.</li>
 *   <li>Anything else after a {@code $} (a digit, a space, an unclosed brace) is literal text.</li>
 * </ul>
 *
 * <p>Pure and stateless; every method returns a value for every input.
 */
public final class VariableExpander {

    private VariableExpander() {
    }

    /**
     * The result of {@link #resolveAll}.
     *
     * @param variables every variable with its final value, all marked raw so that using them again
     *                  does not expand a {@code $} twice
     * @param problems  one plain sentence per circular reference, empty when there is none
     */
    public record ResolvedVariables(Variables variables, List<String> problems) {
        public ResolvedVariables {
            problems = List.copyOf(problems);
        }
    }

    /** {@code text} expanded as the runner does ({@link ExpansionPlace#RUNNER}). */
    public static String expand(String text, Variables variables) {
        return expand(text, variables, ExpansionPlace.RUNNER);
    }

    /** {@code text} expanded against {@code variables} as done at {@code place}. */
    public static String expand(String text, Variables variables, ExpansionPlace place) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        return new Resolver(variables, place).scan(text, null);
    }

    /** Every variable's final value, with nested references expanded. */
    public static ResolvedVariables resolveAll(Variables variables, ExpansionPlace place) {
        Resolver resolver = new Resolver(variables, place);
        List<Variables.Entry> resolved = new ArrayList<>(variables.size());
        for (Variables.Entry e : variables.entries()) {
            resolved.add(new Variables.Entry(e.name(), resolver.resolve(e.name()), true));
        }
        return new ResolvedVariables(Variables.fromEntries(resolved), resolver.problems);
    }

    /** One expansion run: memoizes resolved values and tracks the names being resolved. */
    private static final class Resolver {
        private final Variables variables;
        private final ExpansionPlace place;
        private final Map<String, String> resolved = new HashMap<>();
        private final SequencedSet<String> inProgress = new LinkedHashSet<>();
        private final List<String> problems = new ArrayList<>();

        Resolver(Variables variables, ExpansionPlace place) {
            this.variables = variables;
            this.place = place;
        }

        String resolve(String name) {
            String done = resolved.get(name);
            if (done != null) {
                return done;
            }
            Variables.Entry entry = variables.entry(name);
            String value = entry.raw() ? entry.value() : expandValueOf(name, entry.value());
            resolved.put(name, value);
            return value;
        }

        private String expandValueOf(String name, String value) {
            inProgress.add(name);
            String result = scan(value, name);
            inProgress.remove(name);
            return result;
        }

        /** Expands references in {@code text}; {@code owner} is the variable whose value it is, or null. */
        String scan(String text, String owner) {
            StringBuilder out = new StringBuilder(text.length());
            int n = text.length();
            int i = 0;
            while (i < n) {
                char c = text.charAt(i);
                int end = c == '$' ? dollarReference(text, i)
                        : c == '%' && place == ExpansionPlace.GITLAB ? percentReference(text, i) : -1;
                if (c == '$' && i + 1 < n && text.charAt(i + 1) == '$') {
                    out.append('$');
                    i += 2;
                } else if (end > 0) {
                    String original = text.substring(i, end);
                    out.append(replacement(nameIn(original), original, owner));
                    i = end;
                } else {
                    out.append(c);
                    i++;
                }
            }
            return out.toString();
        }

        private String replacement(String name, String original, String owner) {
            if (!variables.isDefined(name)) {
                return place == ExpansionPlace.GITLAB ? original : "";
            }
            if (inProgress.contains(name)) {
                if (!name.equals(owner)) {
                    reportCycle(name);
                }
                return original;
            }
            return resolve(name);
        }

        private void reportCycle(String closing) {
            List<String> path = new ArrayList<>();
            boolean inCycle = false;
            for (String n : inProgress) {
                inCycle |= n.equals(closing);
                if (inCycle) {
                    path.add(n);
                }
            }
            path.add(closing);
            String message = "circular variable reference: " + String.join(" -> ", path);
            if (!problems.contains(message)) {
                problems.add(message);
            }
        }
    }

    /** End (exclusive) of a {@code $NAME} or {@code ${NAME}} reference starting at {@code i}, or -1. */
    private static int dollarReference(String text, int i) {
        int n = text.length();
        if (i + 1 >= n) {
            return -1;
        }
        char next = text.charAt(i + 1);
        if (next == '{') {
            int close = text.indexOf('}', i + 2);
            return close > i + 2 && isName(text, i + 2, close) ? close + 1 : -1;
        }
        int end = nameEnd(text, i + 1);
        return end > i + 1 ? end : -1;
    }

    private static int percentReference(String text, int i) {
        int end = nameEnd(text, i + 1);
        return end > i + 1 && end < text.length() && text.charAt(end) == '%' ? end + 1 : -1;
    }

    /** The name inside {@code $NAME}, {@code ${NAME}} or {@code %NAME%}. */
    private static String nameIn(String reference) {
        if (reference.startsWith("${")) {
            return reference.substring(2, reference.length() - 1);
        }
        return reference.startsWith("%") ? reference.substring(1, reference.length() - 1) : reference.substring(1);
    }

    private static int nameEnd(String text, int start) {
        int n = text.length();
        if (start >= n || !isNameStart(text.charAt(start))) {
            return start;
        }
        int j = start + 1;
        while (j < n && isNamePart(text.charAt(j))) {
            j++;
        }
        return j;
    }

    private static boolean isName(String text, int start, int end) {
        return nameEnd(text, start) == end;
    }

    private static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }
}

package dev.gantry.expr.github;

import java.util.Locale;

/**
 * The contexts an expression may name ("Contexts reference#available-contexts"). Their names are
 * case-insensitive, like the runner's named values; any other name is a parse error.
 */
public enum ContextName {
    GITHUB, ENV, VARS, JOB, JOBS, STEPS, RUNNER, SECRETS, STRATEGY, MATRIX, NEEDS, INPUTS;

    private static final ContextName[] ALL = values();

    private final String id = name().toLowerCase(Locale.ROOT);

    /** The name as the documentation writes it, for example {@code github}. */
    public String id() {
        return id;
    }

    /** The context called {@code name} in any letter case, or null when there is none. */
    public static ContextName find(String name) {
        for (ContextName c : ALL) {
            if (c.id.equalsIgnoreCase(name)) {
                return c;
            }
        }
        return null;
    }
}

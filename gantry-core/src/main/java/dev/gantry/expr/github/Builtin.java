package dev.gantry.expr.github;

/**
 * The functions an expression may call, with the argument counts the parser checks. Names are
 * case-insensitive. Sources: "Evaluate expressions in workflows and actions#functions" and
 * "#status-check-functions"; the counts follow the runner where the page is silent ({@code format}
 * accepts a format string alone, {@code join} one or two arguments, {@code case} an odd number of
 * at least three).
 */
public enum Builtin {
    CONTAINS("contains", 2, 2),
    STARTS_WITH("startsWith", 2, 2),
    ENDS_WITH("endsWith", 2, 2),
    FORMAT("format", 1, Builtin.MANY),
    JOIN("join", 1, 2),
    TO_JSON("toJSON", 1, 1),
    FROM_JSON("fromJSON", 1, 1),
    HASH_FILES("hashFiles", 1, Builtin.MANY),
    CASE("case", 3, Builtin.MANY),
    SUCCESS("success", 0, 0),
    ALWAYS("always", 0, 0),
    CANCELLED("cancelled", 0, 0),
    FAILURE("failure", 0, 0);

    /** The runner's upper bound for functions with "any number" of arguments. */
    static final int MANY = 255;

    private static final Builtin[] ALL = values();

    private final String displayName;
    private final int minArgs;
    private final int maxArgs;

    Builtin(String displayName, int minArgs, int maxArgs) {
        this.displayName = displayName;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
    }

    /** The name as the documentation spells it, for example {@code startsWith}. */
    public String displayName() {
        return displayName;
    }

    public int minArgs() {
        return minArgs;
    }

    public int maxArgs() {
        return maxArgs;
    }

    /**
     * True for {@code success}, {@code always}, {@code cancelled} and {@code failure}: calling one
     * anywhere in an {@code if:} removes the implicit {@code success() &&}.
     */
    public boolean isStatusCheck() {
        return this == SUCCESS || this == ALWAYS || this == CANCELLED || this == FAILURE;
    }

    /** The function called {@code name} in any letter case, or null when there is none. */
    public static Builtin find(String name) {
        for (Builtin b : ALL) {
            if (b.displayName.equalsIgnoreCase(name)) {
                return b;
            }
        }
        return null;
    }
}

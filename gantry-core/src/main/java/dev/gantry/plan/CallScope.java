package dev.gantry.plan;

/**
 * The reusable workflow call a planned job runs under: one leg of a caller job
 * ({@code jobs.<id>.uses}). GitHub shows the called workflow's jobs as
 * {@code <caller job name> / <called job name>} ("Reuse workflows"; the run's job list), and
 * Gantry keys them the same way, so that two calls of one workflow, or a matrix caller's legs,
 * never share a key or a needs group.
 *
 * @param key         the caller leg's key, for example {@code deploy (prod)} or, nested,
 *                    {@code release / deploy (prod)}
 * @param displayName the caller leg's display name, with the same nesting
 */
public record CallScope(String key, String displayName) {

    /** The separator GitHub puts between a caller job's name and a called job's name. */
    public static final String SEPARATOR = " / ";

    /** A name inside this scope: {@code key / name}. */
    public String qualify(String name) {
        return key + SEPARATOR + name;
    }
}

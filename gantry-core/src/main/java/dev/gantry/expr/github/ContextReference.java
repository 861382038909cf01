package dev.gantry.expr.github;

import java.util.List;

/**
 * A use of a context with the property path after it, as lint needs it: {@code steps.build.outputs.x}
 * is context {@code steps} with path {@code [build, outputs, x]}. The path follows {@code .name},
 * {@code ['name']} and {@code [0]}; an object filter adds {@code *}; it stops at the first index
 * that is not a literal, and {@link #complete} says whether it did.
 *
 * @param context  the context
 * @param path     the property names after it, as written (numbers as their text), possibly empty
 * @param complete false when the access goes on with a computed index, such as {@code matrix[env.KEY]}
 * @param start    offset of the context name in the expression text
 * @param end      offset just after the last part of the path
 */
public record ContextReference(ContextName context, List<String> path, boolean complete, int start, int end) {

    public ContextReference {
        path = List.copyOf(path);
    }

    /** The reference in dotted form, such as {@code needs.build.outputs.version} or {@code github.event.commits.*.id}. */
    public String dotted() {
        return path.isEmpty() ? context.id() : context.id() + "." + String.join(".", path);
    }
}

package dev.gantry.github;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds references to named members of the {@code steps}, {@code needs}, {@code matrix} and
 * {@code jobs} contexts ("Contexts reference", docs.github.com) in {@code ${{ }}} text, for
 * example {@code steps.meta} in {@code ${{ steps.meta.outputs.tags }}}.
 *
 * <p>A light regular-expression scan standing in for the expression parser: it sees the dotted
 * form {@code context.name} outside single-quoted literals and not after another property
 * ({@code github.event.steps.x} is not the steps context). The index form
 * {@code steps['name']} is not seen. Context names match case-insensitively, as GitHub's
 * property access does.
 */
final class ContextReferences {

    private static final Pattern REFERENCE = Pattern.compile(
            "(?<![A-Za-z0-9_.\\-])(steps|needs|matrix|jobs)\\s*\\.\\s*([A-Za-z_][A-Za-z0-9_\\-]*)",
            Pattern.CASE_INSENSITIVE);

    /**
     * One reference.
     *
     * @param context {@code steps}, {@code needs}, {@code matrix} or {@code jobs}, lower case
     * @param name    the member as written
     */
    record Reference(String context, String name) {
    }

    private ContextReferences() {
    }

    /** Every reference in the expressions of {@code text}, in order, repeats included. */
    static List<Reference> in(String text) {
        List<Reference> out = new ArrayList<>();
        for (ExpressionText.Segment segment : ExpressionText.scan(text).segments()) {
            Matcher m = REFERENCE.matcher(ExpressionText.withoutStrings(segment.body()));
            while (m.find()) {
                out.add(new Reference(m.group(1).toLowerCase(Locale.ROOT), m.group(2)));
            }
        }
        return out;
    }
}

package dev.gantry.model;

import dev.gantry.diag.SourceRange;
import java.util.List;
import java.util.Map;

/**
 * How one job becomes several. Values are plain JSON-shaped Java values (see
 * {@link dev.gantry.yaml.YamlNode#toPlain()}); expansion into cells happens in {@code plan}.
 *
 * <p>GitHub ("Using a matrix for your jobs"): one set of {@code axes} with {@code include} and
 * {@code exclude}, or a whole-matrix {@code expression} such as {@code ${{ fromJSON(...) }}}; an
 * axis may also be an expression string, kept in {@code axes} as a String. GitLab
 * ({@code parallel:}): either a count ({@code parallel: 5}) or {@code parallel:matrix}, a list of
 * axis sets whose cells are the union of each set's product.
 *
 * @param axisSets    the axis sets: GitHub has at most one, GitLab one per {@code parallel:matrix} entry
 * @param include     GitHub {@code include} entries, in order
 * @param exclude     GitHub {@code exclude} entries, in order
 * @param expression  a GitHub expression giving the whole matrix, or null
 * @param includeExpression a GitHub expression giving the whole {@code include} list (the common
 *                    "dynamic matrix" {@code include: ${{ fromJSON(...) }}}), or null
 * @param excludeExpression a GitHub expression giving the whole {@code exclude} list, or null
 * @param count       GitLab {@code parallel: N}, or 0
 * @param failFast    GitHub {@code strategy.fail-fast} as written (a boolean or an expression), or null for the default (true)
 * @param maxParallel GitHub {@code strategy.max-parallel}, or 0 for no limit
 * @param range       where the matrix is written
 */
public record Matrix(List<Map<String, Object>> axisSets, List<Map<String, Object>> include,
                     List<Map<String, Object>> exclude, String expression, String includeExpression,
                     String excludeExpression, int count, String failFast, int maxParallel, SourceRange range) {

    public Matrix {
        axisSets = List.copyOf(axisSets);
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    /** A matrix whose {@code include} and {@code exclude} lists, if any, are written out (GitLab always). */
    public Matrix(List<Map<String, Object>> axisSets, List<Map<String, Object>> include,
                  List<Map<String, Object>> exclude, String expression, int count, String failFast,
                  int maxParallel, SourceRange range) {
        this(axisSets, include, exclude, expression, null, null, count, failFast, maxParallel, range);
    }
}

package dev.gantry.plan;

import dev.gantry.model.Matrix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Expands a {@link Matrix} into its cells.
 *
 * <p>GitHub ("Running variations of jobs in a workflow", docs.github.com, sections "Adding a
 * matrix strategy", "Expanding or adding matrix configurations" and "Excluding matrix
 * configurations"; also "Workflow syntax for GitHub Actions#jobs.<job_id>.strategy.matrix.include"):
 * <ol>
 *   <li>the product of the axes, the first axis as the outer loop ("the first variable you define
 *       will be the first job that is created": {@code {version: 10, os: ubuntu}, {version: 10,
 *       os: windows}, {version: 12, os: ubuntu}, ...});</li>
 *   <li>{@code exclude} entries remove every combination they match, and a partial entry (naming
 *       only some axes) matches all combinations with those values ("an excluded configuration
 *       only has to be a partial match"); an axis of objects matches partially too, so
 *       {@code {config: {os: a}}} excludes {@code config: {os: a, cc: gcc}}, as GitHub does;
 *       exclusion comes first, so {@code include} can add a combination back;</li>
 *   <li>each {@code include} entry is merged into every original combination none of whose original
 *       values it would overwrite (values added by earlier entries may be overwritten); an entry
 *       that fits no original combination becomes a new combination of its own. Without axes,
 *       every entry is a combination of its own.</li>
 * </ol>
 * Values compare as JSON values do: numbers by value ({@code 1} equals {@code 1.0}), strings,
 * booleans, lists and mappings by content.
 *
 * <p>GitLab ("CI/CD YAML syntax reference#parallel:matrix" and "#parallel", docs.gitlab.com): each
 * axis set is a product of its own (a scalar counts as one value), and the cells are those products
 * one after the other; {@code parallel: N} makes N cells without variables.
 *
 * <p>Limits (256 jobs for GitHub, 200 for GitLab) are for the front ends to report; this class only
 * refuses products above {@link #MAX_COMBINATIONS}, which would not fit in memory sensibly.
 */
public final class MatrixExpansion {

    /** GitHub's limit: "A matrix will generate a maximum of 256 jobs per workflow run." */
    public static final int GITHUB_MAX_JOBS = 256;

    /** Products larger than this are answered with {@link MatrixCells.TooLarge} instead of built. */
    public static final long MAX_COMBINATIONS = 65_536;

    private MatrixExpansion() {
    }

    /** The cells of {@code matrix}; never throws. */
    public static MatrixCells expand(Matrix matrix) {
        if (matrix.expression() != null) {
            return new MatrixCells.Dynamic("the matrix is the expression '" + matrix.expression() + "'");
        }
        if (matrix.includeExpression() != null) {
            return new MatrixCells.Dynamic("'include' is an expression");
        }
        if (matrix.excludeExpression() != null) {
            return new MatrixCells.Dynamic("'exclude' is an expression");
        }
        if (matrix.count() > 0) {
            List<Map<String, Object>> cells = new ArrayList<>();
            for (int i = 0; i < matrix.count(); i++) {
                cells.add(Map.of());
            }
            return new MatrixCells.Cells(cells);
        }
        long combinations = 0;
        for (Map<String, Object> axes : matrix.axisSets()) {
            for (Map.Entry<String, Object> axis : axes.entrySet()) {
                if (axis.getValue() instanceof String s && s.contains("${{")) {
                    return new MatrixCells.Dynamic("axis '" + axis.getKey() + "' is an expression");
                }
            }
            combinations = saturatingAdd(combinations, productSize(axes));
        }
        if (combinations > MAX_COMBINATIONS) {
            return new MatrixCells.TooLarge(combinations);
        }
        List<Map<String, Object>> originals = new ArrayList<>();
        for (Map<String, Object> axes : matrix.axisSets()) {
            if (!axes.isEmpty()) {
                originals.addAll(product(axes));
            }
        }
        originals.removeIf(cell -> matrix.exclude().stream().anyMatch(ex -> matches(ex, cell)));
        return new MatrixCells.Cells(include(originals, matrix.include()));
    }

    /** The number of cells, or -1 when they cannot be known before run time (see {@link #expand}). */
    public static long size(Matrix matrix) {
        return switch (expand(matrix)) {
            case MatrixCells.Cells c -> c.size();
            case MatrixCells.TooLarge t -> t.combinations();
            case MatrixCells.Dynamic d -> -1;
        };
    }

    private static long productSize(Map<String, Object> axes) {
        long size = 1;
        for (Object values : axes.values()) {
            long n = values instanceof List<?> list ? list.size() : 1;
            size = n == 0 ? 0 : (size > Long.MAX_VALUE / n ? Long.MAX_VALUE : size * n);
        }
        return size;
    }

    private static long saturatingAdd(long a, long b) {
        return a > Long.MAX_VALUE - b ? Long.MAX_VALUE : a + b;
    }

    /** The product, first axis outermost. */
    private static List<Map<String, Object>> product(Map<String, Object> axes) {
        List<Map<String, Object>> cells = new ArrayList<>();
        cells.add(new LinkedHashMap<>());
        for (Map.Entry<String, Object> axis : axes.entrySet()) {
            List<?> values = axis.getValue() instanceof List<?> list ? list : java.util.Collections.singletonList(axis.getValue());
            List<Map<String, Object>> next = new ArrayList<>(cells.size() * values.size());
            for (Map<String, Object> cell : cells) {
                for (Object value : values) {
                    Map<String, Object> grown = new LinkedHashMap<>(cell);
                    grown.put(axis.getKey(), value);
                    next.add(grown);
                }
            }
            cells = next;
        }
        return cells;
    }

    /** True when every key of {@code entry} is in {@code cell} with the same value, or for an object a part of it. */
    private static boolean matches(Map<?, ?> entry, Map<?, ?> cell) {
        for (Map.Entry<?, ?> e : entry.entrySet()) {
            if (!cell.containsKey(e.getKey())) {
                return false;
            }
            Object value = cell.get(e.getKey());
            boolean part = e.getValue() instanceof Map<?, ?> m && value instanceof Map<?, ?> v
                    ? matches(m, v)
                    : sameValue(value, e.getValue());
            if (!part) {
                return false;
            }
        }
        return true;
    }

    private static List<Map<String, Object>> include(List<Map<String, Object>> originals,
                                                     List<Map<String, Object>> includes) {
        // Each cell remembers its original values: include entries may overwrite only what they added.
        List<Map<String, Object>> cells = new ArrayList<>();
        for (Map<String, Object> original : originals) {
            cells.add(new LinkedHashMap<>(original));
        }
        List<Map<String, Object>> added = new ArrayList<>();
        for (Map<String, Object> entry : includes) {
            boolean merged = false;
            for (int i = 0; i < originals.size(); i++) {
                if (fits(entry, originals.get(i))) {
                    cells.get(i).putAll(entry);
                    merged = true;
                }
            }
            if (!merged) {
                added.add(new LinkedHashMap<>(entry));
            }
        }
        List<Map<String, Object>> out = new ArrayList<>(cells.size() + added.size());
        for (Map<String, Object> cell : cells) {
            out.add(java.util.Collections.unmodifiableMap(cell));
        }
        for (Map<String, Object> cell : added) {
            out.add(java.util.Collections.unmodifiableMap(cell));
        }
        return out;
    }

    /** True when {@code entry} overwrites no original value of the combination. */
    private static boolean fits(Map<String, Object> entry, Map<String, Object> original) {
        for (Map.Entry<String, Object> e : entry.entrySet()) {
            if (original.containsKey(e.getKey()) && !sameValue(original.get(e.getKey()), e.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean integral(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte
                || n instanceof java.math.BigInteger;
    }

    /** JSON equality: numbers by value, lists and maps element by element. */
    static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return integral(x) && integral(y)
                    ? new java.math.BigInteger(x.toString()).equals(new java.math.BigInteger(y.toString()))
                    : Double.compare(x.doubleValue(), y.doubleValue()) == 0;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!sameValue(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (!x.keySet().equals(y.keySet())) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!sameValue(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }
}

package dev.gantry.github;

import dev.gantry.model.Matrix;
import dev.gantry.plan.MatrixCells;
import dev.gantry.plan.MatrixExpansion;
import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;
import dev.gantry.yaml.YamlSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job's {@code strategy} ("Workflow syntax for GitHub Actions": {@code jobs.<job_id>.strategy},
 * {@code .matrix}, {@code .matrix.include}, {@code .matrix.exclude}, {@code .fail-fast},
 * {@code .max-parallel}; "Running variations of jobs in a workflow"). A strategy without a matrix is
 * accepted and runs the job once, as GitHub does (psf/requests and LibreDWG run such jobs), and
 * {@code max-parallel: 0} means no limit, as in the Azure Pipelines strategy GitHub's grew from
 * (nodejs/undici's CI sets it). The matrix is a mapping of
 * axes (each a list of values, or an expression) with optional {@code include} and
 * {@code exclude} lists (each a list of mappings, or an expression), or a single expression.
 * Checks that an axis has values, that {@code exclude} names only axes, and that the matrix makes
 * at most {@value MatrixExpansion#GITHUB_MAX_JOBS} jobs ("A matrix will generate a maximum of 256
 * jobs per workflow run").
 */
final class StrategyParser {

    private final NodeReader reader;

    StrategyParser(NodeReader reader) {
        this.reader = reader;
    }

    /** The matrix of the {@code strategy} entry, or null when there is none. */
    Matrix strategy(YamlMap.Entry strategy, String jobWhere) {
        String where = NodeReader.keyOf("strategy", jobWhere);
        YamlMap map = reader.map(strategy.value(), where);
        if (map == null) {
            return null;
        }
        Keywords.check(map, Keywords.STRATEGY, where, reader.diagnostics());
        String failFast = reader.flag(map.get("fail-fast"), NodeReader.keyOf("fail-fast", where));
        NodeReader.NumberValue maxParallel = reader.notNegative(map.get("max-parallel"), NodeReader.keyOf("max-parallel", where));
        int limit = maxParallel == null || maxParallel.expression() != null ? 0 : (int) Math.min(Integer.MAX_VALUE, maxParallel.number());
        YamlMap.Entry matrixEntry = map.entry("matrix");
        if (matrixEntry == null || NodeReader.absent(matrixEntry.value())) {
            return null;
        }
        String matrixWhere = "the matrix of " + jobWhere;
        YamlNode node = matrixEntry.value();
        if (node instanceof YamlScalar s && ExpressionText.contains(s.value())) {
            return new Matrix(List.of(), List.of(), List.of(), s.value(), null, null, 0, failFast, limit,
                    matrixEntry.key().range());
        }
        if (!(node instanceof YamlMap matrixMap)) {
            reader.wrongType(node, matrixWhere, "a mapping or an expression");
            return null;
        }
        Map<String, Object> axes = new LinkedHashMap<>();
        List<Map<String, Object>> include = new ArrayList<>();
        List<Map<String, Object>> exclude = new ArrayList<>();
        String includeExpression = null;
        String excludeExpression = null;
        for (YamlMap.Entry e : matrixMap.entries()) {
            switch (e.name()) {
                case "include" -> includeExpression = entries(e.value(), "'include' of " + matrixWhere, include);
                case "exclude" -> excludeExpression = entries(e.value(), "'exclude' of " + matrixWhere, exclude);
                default -> axis(e, matrixWhere, axes);
            }
        }
        if (axes.isEmpty() && include.isEmpty() && includeExpression == null) {
            reader.diagnostics().error(matrixEntry.key().range(), Rules.INVALID_MATRIX,
                    matrixWhere + " has no axes and no 'include' entries");
        }
        if (matrixMap.get("exclude") instanceof YamlSeq excludes) {
            checkExcludeKeys(excludes, axes, matrixWhere);
        }
        Matrix matrix = new Matrix(axes.isEmpty() ? List.of() : List.of(axes), include, exclude, null, includeExpression,
                excludeExpression, 0, failFast, limit, matrixEntry.key().range());
        checkSize(matrix, strategy, jobWhere);
        return matrix;
    }

    private void axis(YamlMap.Entry e, String matrixWhere, Map<String, Object> axes) {
        String what = "axis '" + e.name() + "' of " + matrixWhere;
        if (e.value() instanceof YamlSeq seq) {
            if (seq.items().isEmpty()) {
                reader.diagnostics().error(e.key().range(), Rules.INVALID_MATRIX, what + " has no values");
            }
            axes.put(e.name(), seq.toPlain());
        } else if (e.value() instanceof YamlScalar s && s.type() == YamlScalar.Type.STRING && ExpressionText.contains(s.value())) {
            axes.put(e.name(), s.value());
        } else {
            reader.wrongType(e.value(), what, "a list or an expression");
        }
    }

    /** Fills {@code out} with the mappings of an include or exclude list; returns the expression instead when it is one. */
    @SuppressWarnings("unchecked")
    private String entries(YamlNode node, String what, List<Map<String, Object>> out) {
        if (node instanceof YamlScalar s && s.type() == YamlScalar.Type.STRING && ExpressionText.contains(s.value())) {
            return s.value();
        }
        if (NodeReader.absent(node)) {
            return null;
        }
        if (!(node instanceof YamlSeq seq)) {
            reader.wrongType(node, what, "a list of mappings or an expression");
            return null;
        }
        for (YamlNode item : seq.items()) {
            if (item instanceof YamlMap map) {
                out.add((Map<String, Object>) map.toPlain());
            } else {
                reader.wrongType(item, "an item of " + what, "a mapping");
            }
        }
        return null;
    }

    /** GitHub refuses an exclude key that names no axis ("does not match any key within the matrix"). */
    private void checkExcludeKeys(YamlSeq excludes, Map<String, Object> axes, String matrixWhere) {
        List<String> known = List.copyOf(axes.keySet());
        for (YamlNode item : excludes.items()) {
            if (item instanceof YamlMap map) {
                for (YamlMap.Entry e : map.entries()) {
                    if (!axes.containsKey(e.name())) {
                        reader.diagnostics().error(e.key().range(), Rules.UNKNOWN_EXCLUDE_KEY, "'exclude' of " + matrixWhere
                                + " names '" + e.name() + "', which is no axis" + Keywords.hint(e.name(), known));
                    }
                }
            }
        }
    }

    private void checkSize(Matrix matrix, YamlMap.Entry strategy, String jobWhere) {
        long jobs = switch (MatrixExpansion.expand(matrix)) {
            case MatrixCells.Cells cells -> cells.size();
            case MatrixCells.TooLarge large -> large.combinations();
            case MatrixCells.Dynamic dynamic -> 0;
        };
        if (jobs > MatrixExpansion.GITHUB_MAX_JOBS) {
            reader.diagnostics().error(strategy.key().range(), Rules.MATRIX_TOO_LARGE, "the matrix of " + jobWhere
                    + " makes " + (jobs == Long.MAX_VALUE ? "too many" : String.valueOf(jobs)) + " jobs; GitHub allows at most "
                    + MatrixExpansion.GITHUB_MAX_JOBS);
        }
    }
}

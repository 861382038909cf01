package dev.gantry.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.diag.SourceRange;
import dev.gantry.model.Matrix;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatrixExpansionTest {

    private static final SourceRange AT = SourceRange.startOf("w.yml");

    /** An ordered map from alternating keys and values. */
    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static Matrix github(Map<String, Object> axes, List<Map<String, Object>> include,
                                 List<Map<String, Object>> exclude) {
        return new Matrix(axes.isEmpty() ? List.of() : List.of(axes), include, exclude, null, 0, null, 0, AT);
    }

    private static List<Map<String, Object>> cells(Matrix matrix) {
        MatrixCells result = MatrixExpansion.expand(matrix);
        assertThat(result).isInstanceOf(MatrixCells.Cells.class);
        return ((MatrixCells.Cells) result).cells();
    }

    @Test
    void productTakesTheFirstAxisAsTheOuterLoop() {
        // docs.github.com "Running variations of jobs": version [10, 12, 14] x os [ubuntu, windows]
        List<Map<String, Object>> cells = cells(github(map("version", List.of(10L, 12L, 14L),
                "os", List.of("ubuntu-latest", "windows-latest")), List.of(), List.of()));

        assertThat(cells).containsExactly(
                map("version", 10L, "os", "ubuntu-latest"), map("version", 10L, "os", "windows-latest"),
                map("version", 12L, "os", "ubuntu-latest"), map("version", 12L, "os", "windows-latest"),
                map("version", 14L, "os", "ubuntu-latest"), map("version", 14L, "os", "windows-latest"));
    }

    @Test
    void includeFollowsTheDocumentedFruitAndAnimalExample() {
        // docs.github.com "Expanding or adding matrix configurations", the example with fruit and animal.
        Matrix matrix = github(map("fruit", List.of("apple", "pear"), "animal", List.of("cat", "dog")), List.of(
                map("color", "green"),
                map("color", "pink", "animal", "cat"),
                map("fruit", "apple", "shape", "circle"),
                map("fruit", "banana"),
                map("fruit", "banana", "animal", "cat")), List.of());

        assertThat(cells(matrix)).containsExactly(
                map("fruit", "apple", "animal", "cat", "color", "pink", "shape", "circle"),
                map("fruit", "apple", "animal", "dog", "color", "green", "shape", "circle"),
                map("fruit", "pear", "animal", "cat", "color", "pink"),
                map("fruit", "pear", "animal", "dog", "color", "green"),
                map("fruit", "banana"),
                map("fruit", "banana", "animal", "cat"));
    }

    @Test
    void includeExtendsMatchingCellsAndAddsTheOnesThatFitNone() {
        Matrix matrix = github(map("os", List.of("a", "b"), "v", List.of(1L, 2L)),
                List.of(map("os", "a", "extra", "x"), map("os", "c", "v", 9L)), List.of());

        assertThat(cells(matrix)).containsExactly(
                map("os", "a", "v", 1L, "extra", "x"), map("os", "a", "v", 2L, "extra", "x"),
                map("os", "b", "v", 1L), map("os", "b", "v", 2L),
                map("os", "c", "v", 9L));
    }

    @Test
    void includeNeverOverwritesAnOriginalValue() {
        Matrix matrix = github(map("os", List.of("a")), List.of(map("os", "b", "extra", "x")), List.of());

        assertThat(cells(matrix)).containsExactly(map("os", "a"), map("os", "b", "extra", "x"));
    }

    @Test
    void aPartialExcludeRemovesEveryMatchingCell() {
        Matrix matrix = github(map("os", List.of("a", "b"), "v", List.of(1L, 2L)), List.of(), List.of(map("os", "a")));

        assertThat(cells(matrix)).containsExactly(map("os", "b", "v", 1L), map("os", "b", "v", 2L));
    }

    @Test
    void anExcludeNamingPartOfAnObjectRemovesTheCellsWhoseObjectHoldsThatPart() {
        // A matrix of objects excluded by one property of them (actionlint issue 249: GitHub matches partially).
        Matrix matrix = github(map("config", List.of(map("os", "a", "cc", "gcc"), map("os", "b", "cc", "gcc")),
                "x", List.of(1L, 2L)), List.of(), List.of(map("config", map("os", "a"), "x", 1L)));

        assertThat(cells(matrix)).containsExactly(
                map("config", map("os", "a", "cc", "gcc"), "x", 2L),
                map("config", map("os", "b", "cc", "gcc"), "x", 1L),
                map("config", map("os", "b", "cc", "gcc"), "x", 2L));
    }

    @Test
    void excludeComesBeforeIncludeSoIncludeCanAddACellBack() {
        Matrix matrix = github(map("os", List.of("a", "b"), "v", List.of(1L, 2L)),
                List.of(map("os", "a", "v", 1L)), List.of(map("os", "a")));

        assertThat(cells(matrix)).containsExactly(map("os", "b", "v", 1L), map("os", "b", "v", 2L),
                map("os", "a", "v", 1L));
    }

    @Test
    void valuesCompareAsJsonNumbersAndObjects() {
        Matrix matrix = github(map("v", List.of(1L, 2.5), "cfg", List.of(map("arch", "x64"), map("arch", "arm"))),
                List.of(), List.of(map("v", 1.0, "cfg", map("arch", "arm"))));

        assertThat(cells(matrix)).containsExactly(map("v", 1L, "cfg", map("arch", "x64")),
                map("v", 2.5, "cfg", map("arch", "x64")), map("v", 2.5, "cfg", map("arch", "arm")));
    }

    @Test
    void withoutAxesEveryIncludeEntryIsACellOfItsOwn() {
        Matrix matrix = github(map(), List.of(map("site", "a"), map("site", "b", "prod", true)), List.of());

        assertThat(cells(matrix)).containsExactly(map("site", "a"), map("site", "b", "prod", true));
    }

    @Test
    void anExpressionCannotBeExpandedBeforeRunTime() {
        Matrix whole = new Matrix(List.of(), List.of(), List.of(), "${{ fromJSON(needs.a.outputs.m) }}", 0, null, 0, AT);
        Matrix axis = github(map("os", "${{ fromJSON(inputs.oses) }}", "v", List.of(1L)), List.of(), List.of());
        Matrix include = new Matrix(List.of(), List.of(), List.of(), null, "${{ fromJSON(needs.a.outputs.m) }}", null,
                0, null, 0, AT);

        assertThat(MatrixExpansion.expand(whole)).isInstanceOf(MatrixCells.Dynamic.class);
        assertThat(MatrixExpansion.expand(axis)).isEqualTo(new MatrixCells.Dynamic("axis 'os' is an expression"));
        assertThat(MatrixExpansion.expand(include)).isEqualTo(new MatrixCells.Dynamic("'include' is an expression"));
        assertThat(MatrixExpansion.size(whole)).isEqualTo(-1);
    }

    @Test
    void aHugeProductIsRefusedWithItsSize() {
        List<Object> ten = List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        Matrix matrix = github(map("a", ten, "b", ten, "c", ten, "d", ten, "e", ten, "f", ten), List.of(), List.of());

        assertThat(MatrixExpansion.expand(matrix)).isEqualTo(new MatrixCells.TooLarge(1_000_000));
    }

    @Test
    void gitlabParallelMatrixIsTheUnionOfEachSetsProduct() {
        // docs.gitlab.com "parallel:matrix": a scalar is one value; each entry is a product of its own.
        Matrix matrix = new Matrix(List.of(
                map("PROVIDER", "aws", "STACK", List.of("monitoring", "app1")),
                map("PROVIDER", List.of("gcp", "vultr"), "STACK", List.of("data"))), List.of(), List.of(), null, 0, null,
                0, AT);

        assertThat(cells(matrix)).containsExactly(
                map("PROVIDER", "aws", "STACK", "monitoring"), map("PROVIDER", "aws", "STACK", "app1"),
                map("PROVIDER", "gcp", "STACK", "data"), map("PROVIDER", "vultr", "STACK", "data"));
        assertThat(MatrixExpansion.size(matrix)).isEqualTo(4);
    }

    @Test
    void gitlabParallelCountMakesThatManyCells() {
        Matrix matrix = new Matrix(List.of(), List.of(), List.of(), null, 5, null, 0, AT);

        assertThat(cells(matrix)).hasSize(5).allMatch(Map::isEmpty);
    }
}

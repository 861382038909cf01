package dev.gantry.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.load.LoadResult;
import dev.gantry.load.PipelineLoader;
import dev.gantry.load.SourceFiles;
import dev.gantry.model.Format;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MatrixFilterTest {

    /** The shape of jsoup's build: an OS by JDK matrix, plus a job without a matrix. */
    private static final String WORKFLOW = """
            on: push
            jobs:
              test:
                runs-on: ${{ matrix.os }}
                strategy:
                  matrix:
                    os: [ubuntu-latest, windows-latest]
                    java: [8, 17, 25]
                steps: [{run: 'true'}]
              lint:
                runs-on: ubuntu-latest
                steps: [{run: 'true'}]
            """;

    /** The shape of shellspec's ubuntu-noble.yml: a matrix whose values are objects. */
    private static final String OBJECTS = """
            on: push
            jobs:
              noble:
                runs-on: ubuntu-24.04
                strategy:
                  matrix:
                    shells:
                      - {shell: dash, package: dash}
                      - {shell: busybox ash, package: busybox}
                      - {shell: zsh, package: zsh}
                steps: [{run: 'true'}]
            """;

    private static List<PlannedJob> plan() {
        return plan(WORKFLOW);
    }

    private static List<PlannedJob> plan(String workflow) {
        SourceFiles files = new SourceFiles() {
            @Override
            public Optional<String> read(String path) {
                return Optional.of(workflow);
            }

            @Override
            public List<String> glob(String glob) {
                return List.of();
            }
        };
        LoadResult r = PipelineLoader.load("w.yml", files, Format.GITHUB);
        assertThat(r.diagnostics()).isEmpty();
        return GithubPlanner.plan(r.pipeline(), Set.of(), false);
    }

    private static List<String> keys(Map<String, Set<String>> picked) {
        return MatrixFilter.keep(plan(), picked).stream().map(PlannedJob::key).toList();
    }

    @Test
    void nothingPickedKeepsEveryLeg() {
        assertThat(keys(Map.of())).hasSize(7);
    }

    @Test
    void picksLegsByValueAndKeepsJobsWithoutTheName() {
        assertThat(keys(Map.of("java", Set.of("17"), "os", Set.of("ubuntu-latest"))))
                .containsExactly("test (ubuntu-latest, 17)", "lint");
    }

    @Test
    void severalValuesOfOneNameKeepEachOfThem() {
        assertThat(keys(Map.of("java", Set.of("17", "25"), "os", Set.of("ubuntu-latest"))))
                .containsExactly("test (ubuntu-latest, 17)", "test (ubuntu-latest, 25)", "lint");
    }

    @Test
    void aNameTheseLegsLackChangesNothing() {
        assertThat(keys(Map.of("node", Set.of("20")))).hasSize(7);
    }

    @Test
    void goodPicksPassTheCheck() {
        assertThatCode(() -> MatrixFilter.check(plan(), Map.of("java", Set.of("17", "21")))).doesNotThrowAnyException();
    }

    @Test
    void anUnknownNameListsTheNames() {
        assertThatThrownBy(() -> MatrixFilter.check(plan(), Map.of("jdk", Set.of("17"))))
                .hasMessage("--matrix jdk: no matrix has 'jdk'; the names are: os, java");
    }

    @Test
    void aValueNoLegHasListsTheValues() {
        assertThatThrownBy(() -> MatrixFilter.check(plan(), Map.of("java", Set.of("21"))))
                .hasMessage("--matrix java: no leg has java=21; its values are: 8, 17, 25");
    }

    @Test
    void anObjectCellIsPickedByOneOfItsProperties() {
        Map<String, Set<String>> picked = Map.of("shells.shell", Set.of("dash", "busybox ash"));
        assertThatCode(() -> MatrixFilter.check(plan(OBJECTS), picked)).doesNotThrowAnyException();
        assertThat(MatrixFilter.keep(plan(OBJECTS), picked)).extracting(PlannedJob::key)
                .containsExactly("noble ({shell=dash, package=dash})", "noble ({shell=busybox ash, package=busybox})");
    }

    @Test
    void anUnknownNameListsTheObjectsProperties() {
        assertThatThrownBy(() -> MatrixFilter.check(plan(OBJECTS), Map.of("shell", Set.of("dash"))))
                .hasMessage("--matrix shell: no matrix has 'shell'; the names are: shells.shell, shells.package");
        assertThatThrownBy(() -> MatrixFilter.check(plan(OBJECTS), Map.of("shells.shell", Set.of("ksh"))))
                .hasMessage("--matrix shells.shell: no leg has shells.shell=ksh; its values are: dash, busybox ash, zsh");
    }
}

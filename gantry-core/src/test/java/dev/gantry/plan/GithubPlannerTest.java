package dev.gantry.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.load.LoadResult;
import dev.gantry.load.PipelineLoader;
import dev.gantry.load.SourceFiles;
import dev.gantry.model.Format;
import dev.gantry.model.Pipeline;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GithubPlannerTest {

    private static Pipeline workflow(String yaml) {
        SourceFiles files = new SourceFiles() {
            @Override
            public Optional<String> read(String path) {
                return Optional.of(yaml);
            }

            @Override
            public List<String> glob(String glob) {
                return List.of();
            }
        };
        LoadResult r = PipelineLoader.load("w.yml", files, Format.GITHUB);
        assertThat(r.diagnostics()).isEmpty();
        return r.pipeline();
    }

    private static final String WORKFLOW = """
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps: [{run: 'true'}]
              test:
                needs: build
                runs-on: ubuntu-latest
                strategy:
                  matrix:
                    os: [a, b]
                    v: [1, 2]
                    include:
                      - os: a
                        extra: x
                      - os: c
                        v: 9
                steps: [{run: 'true'}]
              dynamic:
                needs: build
                runs-on: ubuntu-latest
                strategy:
                  matrix: ${{ fromJSON(needs.build.outputs.m) }}
                steps: [{run: 'true'}]
              report:
                needs: [test, dynamic]
                runs-on: ubuntu-latest
                steps: [{run: 'true'}]
            """;

    @Test
    void theMatrixTextShowsObjectValuesAsTheLegNameDoes() {
        List<PlannedJob> plan = GithubPlanner.plan(workflow("""
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    strategy:
                      matrix:
                        job: [{target: arm, os: ubuntu-latest}]
                        java: [17]
                    steps: [{run: 'true'}]
                """), Set.of(), false);
        assertThat(plan).singleElement().satisfies(leg -> {
            assertThat(leg.displayName()).isEqualTo("build ({target=arm, os=ubuntu-latest}, 17)");
            assertThat(leg.matrixText()).isEqualTo("job={target=arm, os=ubuntu-latest}, java=17");
        });
    }

    @Test
    void matrixLegsAreNamedByTheirValuesAndNeedsStayAtJobLevel() {
        List<PlannedJob> plan = GithubPlanner.plan(workflow(WORKFLOW), Set.of(), false);
        assertThat(plan).extracting(PlannedJob::key).containsExactly("build", "test (a, 1, x)", "test (a, 2, x)",
                "test (b, 1)", "test (b, 2)", "test (c, 9)", "dynamic", "report");
        assertThat(plan.get(1).matrix()).isEqualTo(Map.of("os", "a", "v", 1L, "extra", "x"));
        assertThat(plan.get(1).needs()).containsExactly("build");
        assertThat(plan.get(7).needs()).containsExactly("test", "dynamic");
        assertThat(plan.get(6).deferred()).isTrue();
        assertThat(plan.get(1).scheduling().group()).isEqualTo("test");
        assertThat(plan.get(1).failFast()).isTrue();
    }

    @Test
    void selectingAJobDropsItsNeedsUnlessAsked() {
        Pipeline w = workflow(WORKFLOW);
        assertThat(GithubPlanner.plan(w, Set.of("report"), false)).extracting(PlannedJob::key).containsExactly("report");
        assertThat(GithubPlanner.plan(w, Set.of("report"), false).get(0).needs()).isEmpty();
        assertThat(GithubPlanner.plan(w, Set.of("dynamic"), true)).extracting(PlannedJob::key)
                .containsExactly("build", "dynamic");
        assertThatThrownBy(() -> GithubPlanner.plan(w, Set.of("nope"), false))
                .hasMessageContaining("no job 'nope'").hasMessageContaining("build, test, dynamic, report");
    }

    @Test
    void aNameReadingOnlyTheMatrixIsTheLegsNameFromThePlanOn() {
        Pipeline w = workflow("""
                on: push
                jobs:
                  test:
                    name: Test JDK ${{ matrix.java }}, ${{ matrix.os }}
                    runs-on: ${{ matrix.os }}
                    strategy:
                      matrix:
                        os: [ubuntu-latest]
                        java: [8, 17]
                    steps: [{run: 'true'}]
                  later:
                    name: ${{ matrix.v }} after ${{ github.ref }}
                    runs-on: ubuntu-latest
                    strategy:
                      matrix:
                        v: [1]
                    steps: [{run: 'true'}]
                """);
        assertThat(GithubPlanner.plan(w, Set.of(), false)).extracting(PlannedJob::displayName)
                .containsExactly("Test JDK 8, ubuntu-latest", "Test JDK 17, ubuntu-latest",
                        "${{ matrix.v }} after ${{ github.ref }}");
    }
}

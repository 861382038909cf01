package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Job-level {@code concurrency} within one run ("Control the concurrency of workflows and jobs"):
 * at most one running and one pending job per group; a newer pending job cancels the older pending
 * one, and with {@code cancel-in-progress} the running one.
 */
class GithubConcurrencyIT {

    @TempDir
    Path dir;

    private static Map<String, String> statuses(JsonNode json) {
        Map<String, String> out = new LinkedHashMap<>();
        json.get("jobs").forEach(j -> out.put(j.get("key").asText(), j.get("status").asText()));
        return out;
    }

    @Test
    void jobsOfOneGroupRunOneAtATimeAndANewerPendingJobCancelsTheOlder() throws Exception {
        GantryProcess.Outcome o = new GantryProcess(dir.resolve("repo")).workflow("""
                on: push
                jobs:
                  first:
                    runs-on: ubuntu-latest
                    concurrency: deploy-${{ github.event_name }}
                    steps:
                      - run: sleep 1; echo first-done
                  second:
                    runs-on: ubuntu-latest
                    concurrency:
                      group: DEPLOY-push
                    steps:
                      - run: echo second-ran
                  third:
                    runs-on: ubuntu-latest
                    concurrency: deploy-push
                    steps:
                      - run: echo third-ran
                  other:
                    runs-on: ubuntu-latest
                    concurrency: elsewhere
                    steps:
                      - run: echo other-ran
                """).commit().run();

        assertThat(o.exit()).as(o.out() + o.err()).isEqualTo(1);
        assertThat(statuses(o.json())).containsExactly(Map.entry("first", "success"),
                Map.entry("second", "cancelled"), Map.entry("third", "success"), Map.entry("other", "success"));
        assertThat(o.out()).contains("first-done", "third-ran", "other-ran").doesNotContain("second-ran");
        assertThat(o.out().indexOf("third-ran")).isGreaterThan(o.out().indexOf("first-done"));
    }

    @Test
    void cancelInProgressCancelsTheRunningJobOfTheGroupMatrixLegsIncluded() throws Exception {
        GantryProcess.Outcome o = new GantryProcess(dir.resolve("repo")).workflow("""
                on: push
                jobs:
                  slow:
                    runs-on: ubuntu-latest
                    concurrency: env-a
                    steps:
                      - run: sleep 30; echo slow-done
                  setup:
                    runs-on: ubuntu-latest
                    steps:
                      - run: sleep 1
                  fast:
                    needs: setup
                    runs-on: ubuntu-latest
                    strategy:
                      matrix:
                        env: [a, b]
                    concurrency:
                      group: env-${{ matrix.env }}
                      cancel-in-progress: ${{ matrix.env == 'a' }}
                    steps:
                      - run: sleep 1; echo fast-${{ matrix.env }}
                """).commit().run();

        assertThat(o.exit()).as(o.out() + o.err()).isEqualTo(1);
        assertThat(statuses(o.json())).containsExactly(Map.entry("slow", "cancelled"),
                Map.entry("setup", "success"), Map.entry("fast (a)", "success"), Map.entry("fast (b)", "success"));
        assertThat(o.out()).doesNotContain("]   slow-done");
        assertThat(o.json().get("durationMs").asLong()).isLessThan(20_000);
    }
}

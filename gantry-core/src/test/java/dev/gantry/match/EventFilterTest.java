package dev.gantry.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.gantry.diag.SourceRange;
import dev.gantry.model.EventTrigger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** docs.github.com "Workflow syntax for GitHub Actions#on" sections and "Events that trigger workflows". */
class EventFilterTest {

    private static final SourceRange AT = SourceRange.at(".github/workflows/ci.yml", 3, 3);

    private static EventTrigger on(String event, List<String> types, String... keysAndPatterns) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (int i = 0; i < keysAndPatterns.length; i += 2) {
            filters.put(keysAndPatterns[i], List.of(keysAndPatterns[i + 1].split(" ")));
        }
        return new EventTrigger(event, types, filters, List.of(), List.of(), AT);
    }

    private static EventFilter push(String... keysAndPatterns) {
        return EventFilter.compile(List.of(on("push", List.of(), keysAndPatterns)));
    }

    private static FilterDecision pushTo(EventFilter filter, String ref, String... files) {
        return filter.decide(TriggerEvent.push(ref, List.of(files)));
    }

    /** "on.push.<branches|tags|branches-ignore|tags-ignore>": "Including and excluding branches and tags". */
    @Test
    void negationThenReinclusion() {
        EventFilter filter = push("branches", "** !release/** release/keep");
        assertThat(pushTo(filter, "refs/heads/release/keep", "a").passes()).isTrue();
        FilterDecision other = pushTo(filter, "refs/heads/release/other", "a");
        assertThat(other.passes()).isFalse();
        assertThat(other.reason()).isEqualTo("branch 'release/other' is excluded by '!release/**'");
        assertThat(pushTo(filter, "refs/heads/main", "a").passes()).isTrue();
    }

    /** "on.<push|pull_request>.<paths|paths-ignore>": a push that changes only ignored files does not run. */
    @Test
    void pathsIgnoreWithOnlyIgnoredChanges() {
        EventFilter filter = push("paths-ignore", "docs/**");
        FilterDecision docsOnly = pushTo(filter, "refs/heads/main", "docs/a.md", "docs/b/c.md");
        assertThat(docsOnly.passes()).isFalse();
        assertThat(docsOnly.reason()).isEqualTo(
                "all 2 changed files are ignored by paths-ignore (for example 'docs/a.md' by 'docs/**')");
        assertThat(pushTo(filter, "refs/heads/main", "docs/a.md", "src/Main.java").passes()).isTrue();
        assertThat(pushTo(filter, "refs/heads/main", "docs/a.md").reason())
                .isEqualTo("the only changed file 'docs/a.md' is ignored by 'docs/**' in paths-ignore");
    }

    /** The ref filters of a push: which filters are defined decides which pushes can run at all. */
    static Stream<Arguments> pushes() {
        return Stream.of(
                // Neither branch nor tag filters: every push.
                arguments(push(), "refs/heads/main", true),
                arguments(push(), "refs/tags/v1", true),
                // Only branch filters: tag pushes do not run.
                arguments(push("branches", "main"), "refs/heads/main", true),
                arguments(push("branches", "main"), "refs/heads/dev", false),
                arguments(push("branches", "main"), "refs/tags/v1", false),
                arguments(push("branches-ignore", "wip/**"), "refs/heads/wip/x", false),
                arguments(push("branches-ignore", "wip/**"), "refs/heads/main", true),
                arguments(push("branches-ignore", "wip/**"), "refs/tags/v1", false),
                // Only tag filters: branch pushes do not run.
                arguments(push("tags", "v*"), "refs/tags/v1.0", true),
                arguments(push("tags", "v*"), "refs/tags/release", false),
                arguments(push("tags", "v*"), "refs/heads/main", false),
                arguments(push("tags-ignore", "*-rc"), "refs/tags/v1-rc", false),
                arguments(push("tags-ignore", "*-rc"), "refs/tags/v1", true),
                arguments(push("tags-ignore", "*-rc"), "refs/heads/main", false),
                // Both kinds: each push is checked against its own kind.
                arguments(push("branches", "main", "tags", "v*"), "refs/heads/main", true),
                arguments(push("branches", "main", "tags", "v*"), "refs/tags/v2", true),
                arguments(push("branches", "main", "tags", "v*"), "refs/tags/x", false),
                // A bare name counts as a branch.
                arguments(push("branches", "main"), "main", true),
                // Path filters are not evaluated for pushes of tags.
                arguments(push("tags", "v*", "paths", "src/**"), "refs/tags/v1", true));
    }

    @ParameterizedTest(name = "[{index}] push of {1}: {2}")
    @MethodSource("pushes")
    void pushRefs(EventFilter filter, String ref, boolean expected) {
        assertThat(pushTo(filter, ref, "src/a.java").passes()).isEqualTo(expected);
    }

    @Test
    void onlyTagFiltersExplainWhyABranchPushDoesNotRun() {
        assertThat(pushTo(push("tags", "v*"), "refs/heads/main", "a").reason())
                .isEqualTo("the workflow filters tags only, so the push to branch 'main' does not trigger it");
        assertThat(pushTo(push("branches", "main"), "refs/tags/v1", "a").reason())
                .isEqualTo("the workflow filters branches only, so the push of tag 'v1' does not trigger it");
    }

    /** "on.<push|pull_request>.paths": negations in order, no changes, unknown changes, both filters. */
    static Stream<Arguments> pathCases() {
        return Stream.of(
                arguments(List.of("src/gen/A.java"), false),
                arguments(List.of("src/gen/A.java", "src/B.java"), true),
                arguments(List.of("src/gen/keep/K.java"), true),
                arguments(List.of("README.md"), false),
                arguments(List.of(), false));
    }

    @ParameterizedTest(name = "changed {0}: {1}")
    @MethodSource("pathCases")
    void pathsWithNegations(List<String> changed, boolean expected) {
        EventFilter filter = push("paths", "src/** !src/gen/** src/gen/keep/**");
        assertThat(filter.decide(TriggerEvent.push("refs/heads/main", changed)).passes()).isEqualTo(expected);
    }

    @Test
    void pathReasonsNameTheFile() {
        EventFilter filter = push("paths", "src/** !src/gen/**");
        assertThat(pushTo(filter, "refs/heads/main", "src/gen/A.java").reason())
                .isEqualTo("the only changed file 'src/gen/A.java' is excluded by '!src/gen/**'");
        assertThat(pushTo(filter, "refs/heads/main", "a.md", "b.md").reason())
                .isEqualTo("none of the 2 changed files matches paths");
        assertThat(pushTo(filter, "refs/heads/main").reason()).isEqualTo("no files changed, and paths needs a changed file");
    }

    @Test
    void unknownChangesDoNotBlockAndBranchAndPathsMustBothPass() {
        EventFilter filter = push("branches", "main", "paths", "src/**");
        assertThat(filter.decide(TriggerEvent.push("refs/heads/main", null)).passes()).isTrue();
        assertThat(pushTo(filter, "refs/heads/main", "docs/x.md").passes()).isFalse();
        assertThat(pushTo(filter, "refs/heads/dev", "src/x.java").passes()).isFalse();
        assertThat(pushTo(filter, "refs/heads/main", "src/x.java").passes()).isTrue();
    }

    /** "on.<event_name>.types" and "Events that trigger workflows#pull_request": default activity types. */
    static Stream<Arguments> pullRequestTypes() {
        return Stream.of(
                arguments(List.of(), "opened", true),
                arguments(List.of(), "synchronize", true),
                arguments(List.of(), "reopened", true),
                arguments(List.of(), "closed", false),
                arguments(List.of(), "labeled", false),
                arguments(List.of(), null, true),
                arguments(List.of("closed"), "closed", true),
                arguments(List.of("closed"), "opened", false),
                arguments(List.of("labeled", "opened"), "labeled", true));
    }

    @ParameterizedTest(name = "types {0}, activity {1}: {2}")
    @MethodSource("pullRequestTypes")
    void pullRequestActivityTypes(List<String> types, String action, boolean expected) {
        EventFilter filter = EventFilter.compile(List.of(on("pull_request", types)));
        assertThat(filter.decide(TriggerEvent.pullRequest(action, "main", List.of("a"))).passes()).isEqualTo(expected);
    }

    @Test
    void defaultTypesAreNamedInTheReason() {
        EventFilter filter = EventFilter.compile(List.of(on("pull_request", List.of())));
        assertThat(filter.decide(TriggerEvent.pullRequest("closed", "main", null)).reason()).isEqualTo(
                "activity type 'closed' is not one of [opened, synchronize, reopened], the default types of pull_request");
    }

    /** "on.<pull_request|pull_request_target>.<branches|branches-ignore>": filters apply to the base branch. */
    @Test
    void pullRequestBranchesAreBaseBranches() {
        EventFilter filter = EventFilter.compile(List.of(
                on("pull_request", List.of(), "branches", "main releases/**", "paths", "src/**"),
                on("pull_request_target", List.of(), "branches-ignore", "experimental/**")));
        assertThat(filter.decide(TriggerEvent.pullRequest("opened", "main", List.of("src/a"))).passes()).isTrue();
        assertThat(filter.decide(TriggerEvent.pullRequest("opened", "refs/heads/releases/1", List.of("src/a")))
                .passes()).isTrue();
        FilterDecision dev = filter.decide(TriggerEvent.pullRequest("opened", "dev", List.of("src/a")));
        assertThat(dev.passes()).isFalse();
        assertThat(dev.reason()).isEqualTo("branch 'dev' matches no pattern in branches");
        assertThat(filter.decide(TriggerEvent.pullRequest("opened", "main", List.of("docs/a"))).passes()).isFalse();
        TriggerEvent target = new TriggerEvent("pull_request_target", null, "experimental/x", "opened", null, null);
        assertThat(filter.decide(target).reason()).isEqualTo(
                "branch 'experimental/x' is ignored by 'experimental/**' in branches-ignore");
    }

    @Test
    void eventsWithoutFilters() {
        EventTrigger schedule = new EventTrigger("schedule", List.of(), Map.of(), List.of("30 5 * * 1,3", "30 5 * * 2,4"),
                List.of(), AT);
        EventFilter filter = EventFilter.compile(List.of(schedule, on("workflow_dispatch", List.of()),
                on("issues", List.of("opened")), on("workflow_run", List.of("completed"), "branches", "main")));
        assertThat(filter.decide(new TriggerEvent("schedule", null, null, null, null, "30 5 * * 2,4")).passes()).isTrue();
        assertThat(filter.decide(new TriggerEvent("schedule", null, null, null, null, "0 0 * * *")).passes()).isFalse();
        assertThat(filter.decide(TriggerEvent.named("workflow_dispatch")).passes()).isTrue();
        assertThat(filter.decide(new TriggerEvent("issues", null, null, "opened", null, null)).passes()).isTrue();
        assertThat(filter.decide(new TriggerEvent("issues", null, null, "closed", null, null)).passes()).isFalse();
        assertThat(filter.decide(new TriggerEvent("workflow_run", "main", null, "completed", null, null)).passes())
                .isTrue();
        assertThat(filter.decide(new TriggerEvent("workflow_run", "dev", null, "completed", null, null)).passes())
                .isFalse();
        FilterDecision push = filter.decide(TriggerEvent.push("refs/heads/main", List.of()));
        assertThat(push.passes()).isFalse();
        assertThat(push.reason()).isEqualTo("the workflow does not run on 'push'");
    }

    @Test
    void problemsForLint() {
        EventTrigger schedule = new EventTrigger("schedule", List.of(), Map.of(), List.of("@daily", "* * * * *"),
                List.of(), AT);
        EventFilter filter = EventFilter.compile(List.of(
                on("push", List.of(), "branches", "!main", "branches-ignore", "wip", "tags", "v[a-9]"), schedule));
        assertThat(filter.problems()).containsExactly(
                "'branches' of 'push' has only negative patterns, so nothing matches; add a positive pattern or use"
                        + " 'branches-ignore'",
                "range 'a-9' in 'v[a-9]' is not allowed; ranges can only include a-z, A-Z and 0-9",
                "'push' cannot use both 'branches' and 'branches-ignore'",
                "cron '@daily': GitHub Actions does not support the non-standard syntax '@daily'; write '0 0 * * *' instead",
                "the schedule '* * * * *' fires more often than every 5 minutes; GitHub runs scheduled workflows at"
                        + " most once every 5 minutes");
    }
}

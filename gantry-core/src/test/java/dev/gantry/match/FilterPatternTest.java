package dev.gantry.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** docs.github.com "Workflow syntax for GitHub Actions#Filter pattern cheat sheet". */
class FilterPatternTest {

    /** "Patterns to match branches and tags", row by row, plus near misses. */
    static Stream<Arguments> branchesAndTags() {
        return Stream.of(
                arguments("feature/*", "feature/my-branch", true),
                arguments("feature/*", "feature/your-branch", true),
                arguments("feature/*", "feature/a/b", false),
                arguments("feature/**", "feature/beta-a/my-branch", true),
                arguments("feature/**", "feature/your-branch", true),
                arguments("feature/**", "feature/mona/the/octocat", true),
                arguments("feature/**", "feature", false),
                arguments("main", "main", true),
                arguments("main", "main2", false),
                arguments("main", "Main", false),
                arguments("releases/mona-the-octocat", "releases/mona-the-octocat", true),
                arguments("*", "main", true),
                arguments("*", "releases", true),
                arguments("*", "releases/x", false),
                arguments("**", "all/the/branches", true),
                arguments("**", "every/tag", true),
                arguments("*feature", "mona-feature", true),
                arguments("*feature", "feature", true),
                arguments("*feature", "ver-10-feature", true),
                arguments("*feature", "feature-x", false),
                arguments("v2*", "v2", true),
                arguments("v2*", "v2.0", true),
                arguments("v2*", "v2.9", true),
                arguments("v2*", "v3", false),
                arguments("v[12].[0-9]+.[0-9]+", "v1.10.1", true),
                arguments("v[12].[0-9]+.[0-9]+", "v2.0.0", true),
                arguments("v[12].[0-9]+.[0-9]+", "v3.0.0", false),
                arguments("v[12].[0-9]+.[0-9]+", "v1.x.1", false),
                arguments("v[12].[0-9]+.[0-9]+", "v1a0.1", false));
    }

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @MethodSource("branchesAndTags")
    void patternsForBranchesAndTags(String pattern, String name, boolean expected) {
        assertThat(FilterPattern.compile(pattern).matches(name)).isEqualTo(expected);
    }

    /** "Patterns to match file paths", row by row, plus near misses. */
    static Stream<Arguments> paths() {
        return Stream.of(
                arguments("*", "README.md", true),
                arguments("*", "server.rb", true),
                arguments("*", "docs/README.md", false),
                arguments("*.jsx?", "page.js", true),
                arguments("*.jsx?", "page.jsx", true),
                arguments("*.jsx?", "page.jsxx", false),
                arguments("**", "all/the/files.md", true),
                arguments("*.js", "app.js", true),
                arguments("*.js", "index.js", true),
                arguments("*.js", "js/index.js", false),
                arguments("**.js", "index.js", true),
                arguments("**.js", "js/index.js", true),
                arguments("**.js", "src/js/app.js", true),
                arguments("docs/*", "docs/README.md", true),
                arguments("docs/*", "docs/file.txt", true),
                arguments("docs/*", "docs/mona/octocat.txt", false),
                arguments("docs/**", "docs/README.md", true),
                arguments("docs/**", "docs/mona/octocat.txt", true),
                arguments("docs/**/*.md", "docs/README.md", true),
                arguments("docs/**/*.md", "docs/mona/hello-world.md", true),
                arguments("docs/**/*.md", "docs/a/markdown/file.md", true),
                arguments("docs/**/*.md", "docs/a/file.txt", false),
                arguments("**/docs/**", "docs/hello.md", true),
                arguments("**/docs/**", "dir/docs/my-file.txt", true),
                arguments("**/docs/**", "space/docs/plan/space.doc", true),
                arguments("**/docs/**", "mydocs/hello.md", false),
                arguments("**/README.md", "README.md", true),
                arguments("**/README.md", "js/README.md", true),
                arguments("**/README.md", "README.mdx", false),
                arguments("**/*src/**", "a/src/app.js", true),
                arguments("**/*src/**", "my-src/code/js/app.js", true),
                arguments("**/*-post.md", "my-post.md", true),
                arguments("**/*-post.md", "path/their-post.md", true),
                arguments("**/migrate-*.sql", "migrate-10909.sql", true),
                arguments("**/migrate-*.sql", "db/migrate-v1.0.sql", true),
                arguments("**/migrate-*.sql", "db/sept/migrate-v1.sql", true),
                arguments("**/*.md", "README.md", true),
                arguments("**/*.md", "a/b/c.md", true));
    }

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @MethodSource("paths")
    void patternsForPaths(String pattern, String path, boolean expected) {
        assertThat(FilterPattern.compile(pattern).matches(path)).isEqualTo(expected);
    }

    /** The special characters one by one: [], ?, +, \ escapes, and ! that is not first. */
    static Stream<Arguments> specialCharacters() {
        return Stream.of(
                arguments("[CB]at", "Cat", true),
                arguments("[CB]at", "Bat", true),
                arguments("[CB]at", "Rat", false),
                arguments("[1-2]00", "100", true),
                arguments("[1-2]00", "200", true),
                arguments("[1-2]00", "300", false),
                arguments("[0-9a-z]", "7", true),
                arguments("[0-9a-z]", "q", true),
                arguments("[0-9a-z]", "Q", false),
                arguments("ab+c", "abbbc", true),
                arguments("ab+c", "ac", false),
                arguments("ab?c", "ac", true),
                arguments("ab?c", "abbc", false),
                arguments("[0-9]+-rc", "10-rc", true),
                arguments("?abc", "?abc", true),
                arguments("release\\+1", "release+1", true),
                arguments("release\\+1", "releasee1", false),
                arguments("a\\*b", "a*b", true),
                arguments("a\\*b", "axb", false),
                arguments("a!b", "a!b", true),
                arguments("v1.0", "v1x0", false),
                arguments("(x)|y", "(x)|y", true));
    }

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @MethodSource("specialCharacters")
    void specialCharacters(String pattern, String name, boolean expected) {
        assertThat(FilterPattern.compile(pattern).matches(name)).isEqualTo(expected);
    }

    /** Cheat sheet rows with '!': checked in order, the last matching pattern decides. */
    static Stream<Arguments> ordered() {
        return Stream.of(
                arguments(List.of("*.md", "!README.md"), "hello.md", true),
                arguments(List.of("*.md", "!README.md"), "README.md", false),
                arguments(List.of("*.md", "!README.md"), "docs/hello.md", false),
                arguments(List.of("*.md", "!README.md", "README*"), "hello.md", true),
                arguments(List.of("*.md", "!README.md", "README*"), "README.md", true),
                arguments(List.of("*.md", "!README.md", "README*"), "README.doc", true),
                arguments(List.of("releases/**", "!releases/**-alpha"), "releases/10", true),
                arguments(List.of("releases/**", "!releases/**-alpha"), "releases/beta/mona", true),
                arguments(List.of("releases/**", "!releases/**-alpha"), "releases/10-alpha", false),
                arguments(List.of("releases/**", "!releases/**-alpha"), "releases/beta/3-alpha", false),
                arguments(List.of("!main"), "main", false),
                arguments(List.of("!main"), "dev", false));
    }

    @ParameterizedTest(name = "{0} includes {1}: {2}")
    @MethodSource("ordered")
    void negationsInOrder(List<String> patterns, String name, boolean expected) {
        assertThat(FilterPatterns.compile(patterns).evaluate(name).included()).isEqualTo(expected);
    }

    @Test
    void mistakesStayLiteralAndAreReported() {
        FilterPattern unclosed = FilterPattern.compile("release/[x");
        assertThat(unclosed.matches("release/[x")).isTrue();
        assertThat(unclosed.problem()).contains("no closing ']'");
        FilterPattern range = FilterPattern.compile("v[a-9]");
        assertThat(range.problem()).contains("ranges can only include a-z, A-Z and 0-9");
        assertThat(range.matches("v-")).isTrue();
        assertThat(FilterPattern.compile("feature/*").problem()).isNull();
        assertThat(FilterPatterns.compile(List.of("!a", "!b")).onlyNegations()).isTrue();
    }
}

package dev.gantry.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs.gitlab.com "CI/CD YAML syntax reference#rules:changes" and "Deprecated keywords#only:changes /
 * except:changes": Ruby File.fnmatch with FNM_PATHNAME | FNM_DOTMATCH | FNM_EXTGLOB.
 */
class GitlabGlobTest {

    /** The documented examples: files, single directories, recursive directories, extensions, braces. */
    static Stream<Arguments> documented() {
        return Stream.of(
                arguments("Dockerfile", "Dockerfile", true),
                arguments("Dockerfile", "docker/Dockerfile", false),
                arguments("docker/scripts/*", "docker/scripts/build.sh", true),
                arguments("docker/scripts/*", "docker/scripts/sub/build.sh", false),
                arguments("dockerfiles/**/*", "dockerfiles/a", true),
                arguments("dockerfiles/**/*", "dockerfiles/x/y/z", true),
                arguments("dockerfiles/**/*", "other/x", false),
                arguments("more_scripts/*.{rb,py,sh}", "more_scripts/a.py", true),
                arguments("more_scripts/*.{rb,py,sh}", "more_scripts/a.sh", true),
                arguments("more_scripts/*.{rb,py,sh}", "more_scripts/a.js", false),
                arguments("*.json", "package.json", true),
                arguments("*.json", "sub/package.json", false),
                arguments("**/*.json", "package.json", true),
                arguments("**/*.json", "sub/deep/package.json", true),
                arguments("*.md", "README.md", true),
                arguments("*.md", "docs/README.md", false),
                arguments("README.md", "README.md", true),
                arguments("**/*", "a/b/c", true),
                arguments("service-one/**/*", "service-one/src/main.go", true));
    }

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @MethodSource("documented")
    void documentedExamples(String glob, String path, boolean expected) {
        assertThat(GitlabGlob.compile(glob).matches(path)).isEqualTo(expected);
    }

    /** fnmatch details under FNM_PATHNAME, FNM_DOTMATCH and FNM_EXTGLOB. */
    static Stream<Arguments> fnmatch() {
        return Stream.of(
                // FNM_PATHNAME: wildcards stop at '/'; '**/' spans directories; a lone '**' is '*'.
                arguments("docs/**", "docs/a.md", true),
                arguments("docs/**", "docs/a/b.md", false),
                arguments("a/**/b", "a/b", true),
                arguments("a/**/b", "a/x/y/b", true),
                arguments("x**/y", "xab/y", true),
                arguments("x**/y", "xa/b/y", false),
                arguments("file?.txt", "file1.txt", true),
                arguments("file?.txt", "file12.txt", false),
                arguments("a?b", "a/b", false),
                // FNM_DOTMATCH: leading dots match like any character.
                arguments("*", ".gitlab-ci.yml", true),
                arguments("**/*", ".github/workflows/ci.yml", true),
                arguments("**/*.yml", ".gitlab/ci/build.yml", true),
                arguments(".*", ".env", true),
                // Brackets, negation with ! or ^, ranges, never '/'.
                arguments("[abc].txt", "b.txt", true),
                arguments("[abc].txt", "d.txt", false),
                arguments("[!abc].txt", "d.txt", true),
                arguments("[!abc].txt", "a.txt", false),
                arguments("[^abc].txt", "d.txt", true),
                arguments("[a-c]x", "bx", true),
                arguments("[a-c]x", "dx", false),
                arguments("a[/]b", "a/b", false),
                arguments("a[!x]b", "a/b", false),
                arguments("a[+-0]b", "a/b", false),
                arguments("a[+-0]b", "a.b", true),
                // FNM_EXTGLOB: braces, nested.
                arguments("{src,lib/{a,b}}/**/*.rb", "lib/b/x/y.rb", true),
                arguments("{src,lib/{a,b}}/**/*.rb", "src/y.rb", true),
                arguments("{src,lib/{a,b}}/**/*.rb", "lib/c/y.rb", false),
                arguments("{a}", "a", true),
                arguments("{,x}y", "y", true),
                // Escapes, literal brackets, case sensitivity.
                arguments("\\*.md", "*.md", true),
                arguments("\\*.md", "a.md", false),
                arguments("a\\{b", "a{b", true),
                arguments("a[b", "a[b", true),
                arguments("a{b", "a{b", true),
                arguments("*.MD", "README.md", false),
                arguments("a.b", "aXb", false),
                arguments("a+b(c)", "a+b(c)", true));
    }

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @MethodSource("fnmatch")
    void fnmatchSemantics(String glob, String path, boolean expected) {
        assertThat(GitlabGlob.compile(glob).matches(path)).isEqualTo(expected);
    }

    @Test
    void changesMatchWhenAnyFileMatchesAnyGlob() {
        List<GitlabGlob> globs = GitlabGlob.compileAll(List.of("Dockerfile", "docker/scripts/*"));
        assertThat(GitlabGlob.anyMatch(globs, List.of("README.md", "docker/scripts/a.sh"))).isTrue();
        assertThat(GitlabGlob.anyMatch(globs, List.of("README.md"))).isFalse();
        assertThat(GitlabGlob.anyMatch(globs, List.of())).isFalse();
        assertThat(GitlabGlob.compile(null).matches("")).isTrue();
    }

    @Test
    void anUnclosedBracketIsLiteralAndNamedAsAProblem() {
        assertThat(GitlabGlob.compile("src/[ab.txt").problem())
                .isEqualTo("'[' at character 5 has no closing ']' and is matched literally");
        assertThat(GitlabGlob.compile("*.{rb,py").problem())
                .isEqualTo("'{' at character 3 has no closing '}' and is matched literally");
        assertThat(GitlabGlob.compile("{src,lib}/**/*.[ch]").problem()).isNull();
        assertThat(GitlabGlob.compile("a\\[b").problem()).isNull();
    }
}

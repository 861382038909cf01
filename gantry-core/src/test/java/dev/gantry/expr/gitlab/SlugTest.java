package dev.gantry.expr.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * docs.gitlab.com "Predefined CI/CD variables reference", CI_COMMIT_REF_SLUG: lower case, 63 bytes,
 * everything but 0-9 and a-z replaced with '-', no leading or trailing '-'.
 */
class SlugTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
            main                     | main
            Feature/ABC_def          | feature-abc-def
            release/1.2.3            | release-1-2-3
            -leading-and-trailing-   | leading-and-trailing
            a--b                     | a--b
            ÄBC                      | bc
            ___                      |
            v2                       | v2
            """)
    void slugs(String name, String slug) {
        assertThat(Slug.of(name)).isEqualTo(slug == null ? "" : slug);
    }

    @ParameterizedTest(name = "length {0}")
    @CsvSource({"63", "64", "200"})
    void shortenedTo63BytesThenTrimmed(int length) {
        assertThat(Slug.of("a".repeat(length))).hasSize(63);
        // The cut lands on a '-', which is then dropped.
        assertThat(Slug.of("a".repeat(62) + "/b")).isEqualTo("a".repeat(62));
    }

    /** CI_ENVIRONMENT_SLUG: 24 characters at most, a suffix when the slug is not the name itself. */
    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            production                      | ^production$
            review-app                      | ^review-app$
            review/main                     | ^review-main-[0-9a-z]{6}$
            QA                              | ^qa-[0-9a-z]{6}$
            1st                             | ^env-1st-[0-9a-z]{6}$
            a-very-long-environment-name-x  | ^a-very-long-envir-[0-9a-z]{6}$
            review//feature__x              | ^review-feature-x-[0-9a-z]{6}$
            """)
    void environmentSlugs(String name, String pattern) {
        String slug = Slug.environment(name);
        assertThat(slug).matches(pattern).hasSizeLessThanOrEqualTo(24);
        assertThat(Slug.environment(name)).as("the same name, the same slug").isEqualTo(slug);
    }

    @org.junit.jupiter.api.Test
    void namesThatShareASlugGetDifferentSuffixes() {
        assertThat(Slug.environment("review/main")).isNotEqualTo(Slug.environment("review_main"));
    }
}

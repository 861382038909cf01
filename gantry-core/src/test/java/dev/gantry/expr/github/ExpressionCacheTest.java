package dev.gantry.expr.github;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Parsed expressions are cached per owner so that evaluation never parses again. */
class ExpressionCacheTest {

    @Test
    void theSameTextGivesTheSameParsedExpression() {
        ExpressionCache cache = new ExpressionCache();
        Result<Expression> first = cache.expression("github.ref == 'refs/heads/main'");
        assertThat(cache.expression("github.ref == 'refs/heads/main'")).isSameAs(first);
        assertThat(cache.condition("success()")).isSameAs(cache.condition("success()"));
        assertThat(cache.template("v${{ 1 }}")).isSameAs(cache.template("v${{ 1 }}"));
        assertThat(cache.size()).isEqualTo(3);
    }

    @Test
    void errorsAreCachedToo() {
        ExpressionCache cache = new ExpressionCache();
        Result<Expression> bad = cache.expression("foo.bar");
        assertThat(bad.isOk()).isFalse();
        assertThat(cache.expression("foo.bar")).isSameAs(bad);
    }

    @Test
    void theLeastRecentlyUsedEntryIsForgottenWhenFull() {
        ExpressionCache cache = new ExpressionCache(2);
        Result<Expression> a = cache.expression("1");
        cache.expression("2");
        cache.expression("1");
        cache.expression("3");
        assertThat(cache.expression("1")).isSameAs(a);
        assertThat(cache.size()).isEqualTo(2);
    }
}

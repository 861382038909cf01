package dev.gantry.expr.github;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Parsed expressions, templates and conditions by their text, so that a workflow's expressions are
 * parsed once however often they are evaluated (a matrix of fifty jobs evaluates the same
 * {@code if:} fifty times). Parse errors are cached too.
 *
 * <p>Owned by its caller — typically one per loaded workflow or run — and not thread-safe: share it
 * only under the caller's own lock. When full it forgets the least recently used entries.
 */
public final class ExpressionCache {

    /** Enough for every distinct expression of any real workflow. */
    public static final int DEFAULT_CAPACITY = 4096;

    private final Lru<Result<Expression>> expressions;
    private final Lru<Result<Template>> templates;
    private final Lru<Result<IfCondition>> conditions;

    public ExpressionCache() {
        this(DEFAULT_CAPACITY);
    }

    /** A cache that keeps at most {@code capacity} entries of each kind. */
    public ExpressionCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        expressions = new Lru<>(capacity);
        templates = new Lru<>(capacity);
        conditions = new Lru<>(capacity);
    }

    /** {@link Expression#parse}, cached. */
    public Result<Expression> expression(String text) {
        return expressions.get(text, Expression::parse);
    }

    /** {@link Template#parse}, cached. */
    public Result<Template> template(String value) {
        return templates.get(value, Template::parse);
    }

    /** {@link IfCondition#parse}, cached. */
    public Result<IfCondition> condition(String text) {
        return conditions.get(text, IfCondition::parse);
    }

    /** How many entries are held, all kinds together. */
    public int size() {
        return expressions.map.size() + templates.map.size() + conditions.map.size();
    }

    private static final class Lru<V> {
        private final Map<String, V> map;

        Lru(int capacity) {
            this.map = new LinkedHashMap<>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                    return size() > capacity;
                }
            };
        }

        V get(String key, Function<String, V> parse) {
            V v = map.get(key);
            if (v == null) {
                v = parse.apply(key);
                map.put(key, v);
            }
            return v;
        }
    }
}

package dev.gantry.expr.github;

import java.util.function.Function;

/**
 * The outcome of parsing or evaluating: a value, or an {@link ExpressionError}. Every public
 * operation of this package that can fail on user input returns one of these instead of throwing,
 * so callers (lint, the engine, {@code gantry eval}) handle bad expressions as data.
 *
 * @param <T> the type of the value
 */
public sealed interface Result<T> {

    /** A success. The value may be null: {@code null} is a legitimate expression value. */
    record Ok<T>(T value) implements Result<T> {
    }

    /** A failure with its reason and position. */
    record Err<T>(ExpressionError error) implements Result<T> {
    }

    /** A success holding {@code value}. */
    static <T> Result<T> ok(T value) {
        return new Ok<>(value);
    }

    /** A failure with {@code error}. */
    static <T> Result<T> error(ExpressionError error) {
        return new Err<>(error);
    }

    /** True for an {@link Ok}. */
    default boolean isOk() {
        return this instanceof Ok;
    }

    /** The value of an {@link Ok}; throws {@link IllegalStateException} on an {@link Err} (a caller bug). */
    default T value() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new IllegalStateException("not a value: " + ((Err<T>) this).error().message());
    }

    /** The error of an {@link Err}, or null for an {@link Ok}. */
    default ExpressionError errorOrNull() {
        return this instanceof Err<T> err ? err.error() : null;
    }

    /** The result of {@code f} on the value, or the same error. */
    default <R> Result<R> flatMap(Function<? super T, Result<R>> f) {
        return switch (this) {
            case Ok<T> ok -> f.apply(ok.value());
            case Err<T> err -> new Err<>(err.error());
        };
    }

    /** The value transformed by {@code f}, or the same error. */
    default <R> Result<R> map(Function<? super T, ? extends R> f) {
        return switch (this) {
            case Ok<T> ok -> new Ok<>(f.apply(ok.value()));
            case Err<T> err -> new Err<>(err.error());
        };
    }
}

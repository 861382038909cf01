package dev.gantry.runner.actions;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The built-in actions by name. A {@code uses:} reference {@code owner/repo[/path]@ref} finds its
 * built-in at any {@code ref} (a tag, a branch or a SHA), since the built-ins follow the behaviour
 * the current major versions share; a factory that needs to tell majors apart (download-artifact v3
 * and v4 differ) gets the {@code ref}. Names compare case-insensitively, as GitHub's repository names do.
 */
public final class BuiltinActions {

    private final Map<String, Function<String, BuiltinAction>> byName = new HashMap<>();

    /** Registers {@code factory} under {@code owner/repo[/path]}; returns this. */
    public BuiltinActions register(String name, Supplier<BuiltinAction> factory) {
        return register(name, ref -> factory.get());
    }

    /**
     * Registers a factory that is given the reference's {@code ref} (after the {@code @}, "" when
     * none) under {@code owner/repo[/path]}; returns this.
     */
    public BuiltinActions register(String name, Function<String, BuiltinAction> factory) {
        byName.put(name.toLowerCase(Locale.ROOT), factory);
        return this;
    }

    /** The built-in for a {@code uses:} reference, or empty when there is none (local, docker or unknown actions). */
    public Optional<BuiltinAction> find(String reference) {
        if (reference.startsWith("./") || reference.startsWith("docker://")) {
            return Optional.empty();
        }
        int at = reference.indexOf('@');
        String name = (at < 0 ? reference : reference.substring(0, at)).toLowerCase(Locale.ROOT);
        Function<String, BuiltinAction> factory = byName.get(name);
        return factory == null ? Optional.empty() : Optional.of(factory.apply(at < 0 ? "" : reference.substring(at + 1)));
    }
}

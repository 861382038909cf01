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
 * A built-in registered with its {@link DeclaredInputs} warns, before its main step, about inputs
 * the original does not declare or has deprecated, as GitHub's runner does.
 */
public final class BuiltinActions {

    private final Map<String, Function<String, BuiltinAction>> byName = new HashMap<>();
    private final Map<String, DeclaredInputs> declared = new HashMap<>();

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

    /** As {@link #register(String, Function)}, checking the step's inputs against {@code inputs}. */
    public BuiltinActions register(String name, DeclaredInputs inputs, Function<String, BuiltinAction> factory) {
        declared.put(name.toLowerCase(Locale.ROOT), inputs);
        return register(name, factory);
    }

    /** The built-in for a {@code uses:} reference, or empty when there is none (local, docker or unknown actions). */
    public Optional<BuiltinAction> find(String reference) {
        if (reference.startsWith("./") || reference.startsWith("docker://")) {
            return Optional.empty();
        }
        int at = reference.indexOf('@');
        String name = (at < 0 ? reference : reference.substring(0, at)).toLowerCase(Locale.ROOT);
        Function<String, BuiltinAction> factory = byName.get(name);
        if (factory == null) {
            return Optional.empty();
        }
        BuiltinAction action = factory.apply(at < 0 ? "" : reference.substring(at + 1));
        DeclaredInputs inputs = declared.get(name);
        return Optional.of(inputs == null ? action : new Checked(action, inputs, reference));
    }

    /** A built-in that checks the step's inputs before its main step. */
    private record Checked(BuiltinAction action, DeclaredInputs inputs, String reference) implements BuiltinAction {

        @Override
        public ActionResult main(ActionContext context) {
            inputs.check(context, reference);
            return action.main(context);
        }

        @Override
        public Optional<String> postIf() {
            return action.postIf();
        }

        @Override
        public ActionResult post(ActionContext context) {
            return action.post(context);
        }
    }
}

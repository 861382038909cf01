package dev.gantry.runner.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The inputs an original action's {@code action.yml} declares, for the warnings GitHub's runner
 * prints before it runs any action ("Metadata syntax for GitHub Actions#inputs"): a {@code with:}
 * name the action does not declare ("Unexpected input(s) ...") and an input carrying a
 * {@code deprecationMessage}. The step still runs in both cases, as on GitHub.
 *
 * <p>A built-in serves every major version a workflow may name, so {@code names} is the union of
 * the declared inputs of those versions (setup-node's {@code always-auth} of v3 to v5, for example):
 * a name no supported version knows is surely a mistake, while one that only an older version knew
 * is not worth a warning.
 *
 * @param names      the declared input names, as the originals spell them
 * @param deprecated deprecated input name to its deprecation message
 */
public record DeclaredInputs(List<String> names, Map<String, String> deprecated) {

    public DeclaredInputs {
        names = List.copyOf(names);
        deprecated = Map.copyOf(deprecated);
    }

    /** Inputs without deprecations. */
    public static DeclaredInputs of(String... names) {
        return new DeclaredInputs(List.of(names), Map.of());
    }

    /** These inputs and {@code name}, deprecated with {@code message}. */
    public DeclaredInputs deprecated(String name, String message) {
        List<String> all = new ArrayList<>(names);
        if (all.stream().noneMatch(name::equalsIgnoreCase)) {
            all.add(name);
        }
        Map<String, String> messages = new TreeMap<>(deprecated);
        messages.put(name, message);
        return new DeclaredInputs(all, messages);
    }

    /**
     * Warns, in {@code context}, about each given input that is not declared (names compare in any
     * letter case, as the runner's do) and each deprecated one that was given.
     *
     * @param reference the step's {@code uses:} value, to name the action in the warning
     */
    void check(ActionContext context, String reference) {
        Set<String> known = names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<String> unexpected = new ArrayList<>();
        for (String given : context.inputs().keySet()) {
            if (!known.contains(given.toLowerCase(Locale.ROOT))) {
                unexpected.add(given);
            }
        }
        if (!unexpected.isEmpty()) {
            context.warning("unexpected input(s) " + unexpected + " for " + reference + "; it takes " + names);
        }
        deprecated.forEach((name, message) -> {
            if (context.inputs().keySet().stream().anyMatch(name::equalsIgnoreCase)) {
                context.warning("input '" + name + "' of " + reference + " is deprecated: " + message.strip());
            }
        });
    }
}

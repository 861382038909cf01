package dev.gantry.plan;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the matrix legs a user picked with {@code gantry run --matrix NAME=VALUE}: a leg stays when,
 * for every picked name its cell has, the cell's value (as shown in leg names: {@code 17},
 * {@code ubuntu-latest}) is one of the values picked for that name. Jobs without a matrix, legs whose
 * cell lacks the name, and matrices decided at run time are kept unchanged. This is how a local run
 * takes, say, the JDK 17 legs of a matrix whose other JDKs are not installed; GitHub has no such
 * choice, so it is a filter over the plan and changes nothing else about the legs.
 *
 * <p>A cell whose value is an object ({@code shells: [{shell: dash, package: dash}, ...]}) is picked
 * by one of its properties: {@code --matrix shells.shell=dash}.
 */
public final class MatrixFilter {

    private MatrixFilter() {
    }

    /**
     * @param plan   from {@link GithubPlanner#plan}
     * @param picked values wanted per matrix name; empty keeps every leg
     * @return the kept legs, in plan order; a name no leg has changes nothing
     */
    public static List<PlannedJob> keep(List<PlannedJob> plan, Map<String, Set<String>> picked) {
        return picked.isEmpty() ? plan : plan.stream().filter(p -> matches(p, picked)).toList();
    }

    /**
     * Checks the picks against every leg the run plans (all its workflows), so that a mistyped name
     * or value is an error instead of a run of every leg.
     *
     * @param legs   the planned legs of every workflow of the run
     * @param picked values wanted per matrix name
     * @throws IllegalArgumentException when a picked name is in no leg's cell, or a name's values
     *                                  match no leg (the message lists the names, or the values, there are)
     */
    public static void check(List<PlannedJob> legs, Map<String, Set<String>> picked) {
        for (Map.Entry<String, Set<String>> e : picked.entrySet()) {
            Set<String> values = new LinkedHashSet<>();
            legs.forEach(p -> value(p, e.getKey()).ifPresent(values::add));
            if (values.isEmpty()) {
                throw new IllegalArgumentException("--matrix " + e.getKey() + ": no matrix has '" + e.getKey()
                        + "'; the names are: " + String.join(", ", names(legs)));
            }
            if (e.getValue().stream().noneMatch(values::contains)) {
                throw new IllegalArgumentException("--matrix " + e.getKey() + ": no leg has " + e.getKey() + "="
                        + String.join(" or ", e.getValue()) + "; its values are: " + String.join(", ", values));
            }
        }
    }

    private static boolean matches(PlannedJob leg, Map<String, Set<String>> picked) {
        for (Map.Entry<String, Set<String>> e : picked.entrySet()) {
            Optional<String> value = value(leg, e.getKey());
            if (value.isPresent() && !e.getValue().contains(value.get())) {
                return false;
            }
        }
        return true;
    }

    /** The leg's value for {@code name}, or for {@code name}'s {@code cell.property} form; empty if it has none. */
    private static Optional<String> value(PlannedJob leg, String name) {
        if (leg.matrix().containsKey(name)) {
            return Optional.of(GithubPlanner.display(leg.matrix().get(name)));
        }
        int dot = name.indexOf('.');
        if (dot > 0 && leg.matrix().get(name.substring(0, dot)) instanceof Map<?, ?> object
                && object.containsKey(name.substring(dot + 1))) {
            return Optional.of(GithubPlanner.display(object.get(name.substring(dot + 1))));
        }
        return Optional.empty();
    }

    private static Set<String> names(List<PlannedJob> plan) {
        Set<String> names = new LinkedHashSet<>();
        plan.forEach(p -> p.matrix().forEach((name, value) -> {
            if (value instanceof Map<?, ?> object) {
                object.keySet().forEach(property -> names.add(name + "." + property));
            } else {
                names.add(name);
            }
        }));
        return names.isEmpty() ? Set.of("(none: no job has a literal matrix)") : names;
    }
}

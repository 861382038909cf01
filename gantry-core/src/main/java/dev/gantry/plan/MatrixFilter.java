package dev.gantry.plan;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the matrix legs a user picked with {@code gantry run --matrix NAME=VALUE}: a leg stays when,
 * for every picked name its cell has, the cell's value (as shown in leg names: {@code 17},
 * {@code ubuntu-latest}) is one of the values picked for that name. Jobs without a matrix, legs whose
 * cell lacks the name, and matrices decided at run time are kept unchanged. This is how a local run
 * takes, say, the JDK 17 legs of a matrix whose other JDKs are not installed; GitHub has no such
 * choice, so it is a filter over the plan and changes nothing else about the legs.
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
            legs.stream().filter(p -> p.matrix().containsKey(e.getKey()))
                    .forEach(p -> values.add(GithubPlanner.display(p.matrix().get(e.getKey()))));
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
            if (leg.matrix().containsKey(e.getKey())
                    && !e.getValue().contains(GithubPlanner.display(leg.matrix().get(e.getKey())))) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> names(List<PlannedJob> plan) {
        Set<String> names = new LinkedHashSet<>();
        plan.forEach(p -> names.addAll(p.matrix().keySet()));
        return names.isEmpty() ? Set.of("(none: no job has a literal matrix)") : names;
    }
}

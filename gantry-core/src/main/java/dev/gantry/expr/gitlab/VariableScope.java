package dev.gantry.expr.gitlab;

import java.util.EnumMap;
import java.util.Map;

/**
 * Merges variables defined at several places into the set one job sees, by the precedence of
 * {@link VariableLayer} ("CI/CD variables#CI/CD variable precedence", docs.gitlab.com). Only the
 * merge: expansion of references comes after, with {@link VariableExpander}.
 */
public final class VariableScope {

    private VariableScope() {
    }

    /**
     * One set of variables where, for each name, the definition from the highest layer wins
     * (with its raw flag). Names keep the order in which they first appear, lowest layer first.
     */
    public static Variables merge(Map<VariableLayer, Variables> layers) {
        Map<VariableLayer, Variables> ordered = new EnumMap<>(VariableLayer.class);
        ordered.putAll(layers);
        Variables merged = Variables.empty();
        for (Variables layer : ordered.values()) {
            merged = merged.overriddenBy(layer);
        }
        return merged;
    }
}

package dev.gantry.runner.github;

import dev.gantry.model.Step;
import dev.gantry.model.StepAction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The name each step of a job runs under: {@code github.action} and {@code GITHUB_ACTION}
 * ("Contexts reference#github context", "Store information in variables#Default environment
 * variables"). A step with an {@code id} runs under its id; a script without one under
 * {@code __run}; an action without one under {@code __OWNER_REPO} with the characters other than
 * letters, digits, {@code -} and {@code _} dropped, a local action under {@code __self} and a
 * Docker image under {@code __docker}. When the same name comes again in the job, a sequence
 * number preceded by an underscore is appended: the second script is {@code __run_2}.
 */
final class StepActionNames {

    private StepActionNames() {
    }

    /** One name per step, in the steps' order. */
    static List<String> of(List<Step> steps) {
        List<String> names = new ArrayList<>(steps.size());
        Map<String, Integer> seen = new HashMap<>();
        for (Step step : steps) {
            if (step.id() != null) {
                names.add(step.id());
                continue;
            }
            String base = unnamed(step.action());
            int n = seen.merge(base.toLowerCase(Locale.ROOT), 1, Integer::sum);
            names.add(n == 1 ? base : base + "_" + n);
        }
        return names;
    }

    private static String unnamed(StepAction action) {
        if (!(action instanceof StepAction.Uses uses)) {
            return "__run";
        }
        String reference = uses.reference();
        if (reference.startsWith("./") || reference.startsWith("$/")) {
            return "__self";
        }
        if (reference.startsWith("docker://")) {
            return "__docker";
        }
        String[] parts = reference.split("@", 2)[0].split("/");
        return parts.length < 2 ? "__run" : "__" + clean(parts[0]) + "_" + clean(parts[1]);
    }

    /** The name's letters, digits, {@code -} and {@code _}; GitHub drops the rest. */
    private static String clean(String part) {
        StringBuilder sb = new StringBuilder(part.length());
        for (char c : part.toCharArray()) {
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}

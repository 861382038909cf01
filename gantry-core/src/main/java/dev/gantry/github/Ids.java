package dev.gantry.github;

import dev.gantry.diag.Diagnostics;
import dev.gantry.yaml.YamlScalar;
import java.util.regex.Pattern;

/**
 * Job, step and input ids: "must start with a letter or {@code _} and contain only alphanumeric
 * characters, {@code -}, or {@code _}" ("Workflow syntax for GitHub Actions", {@code jobs.<job_id>}
 * and {@code jobs.<job_id>.steps[*].id}). Ids are where expressions refer to jobs, steps and
 * inputs, so a bad one is reported at the id itself.
 *
 * <p>A step id cannot start with {@code __} either: GitHub refuses the workflow ("IDs starting with
 * '__' are reserved"), as it names the steps without an id {@code __run}, {@code __run_2},
 * {@code __owner_repo} ("Contexts reference#github context", {@code github.action}).
 */
final class Ids {

    private static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private Ids() {
    }

    static boolean valid(String id) {
        return ID.matcher(id).matches();
    }

    /**
     * Reports {@code id} unless valid.
     *
     * @param kind "job", "step" or "input", for the message
     */
    static void check(YamlScalar id, String kind, Diagnostics diagnostics) {
        if (!valid(id.value())) {
            diagnostics.error(id.range(), Rules.INVALID_ID, "invalid " + kind + " id '" + id.value()
                    + "': an id starts with a letter or '_' and holds only letters, digits, '-' and '_'");
        } else if (kind.equals("step") && id.value().startsWith("__")) {
            diagnostics.error(id.range(), Rules.INVALID_ID, "invalid step id '" + id.value()
                    + "': ids starting with '__' are reserved for the steps GitHub names itself");
        }
    }
}

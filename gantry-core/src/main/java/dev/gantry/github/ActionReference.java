package dev.gantry.github;

import dev.gantry.diag.Diagnostics;
import dev.gantry.yaml.YamlScalar;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks {@code uses} values ("Workflow syntax for GitHub Actions": {@code jobs.<job_id>.steps[*].uses}
 * and {@code jobs.<job_id>.uses}; "Reuse workflows#Calling a reusable workflow").
 *
 * <p>A step uses {@code {owner}/{repo}[/{path}]@{ref}}, {@code ./path/to/dir}, {@code $/path/to/dir}
 * or {@code docker://{image}}; a job uses {@code {owner}/{repo}/.github/workflows/{file}@{ref}},
 * {@code ./.github/workflows/{file}} or {@code $/.github/workflows/{file}}. {@code $/} is the self
 * repository reference: the workflow's own repository at the running commit, with no checkout
 * needed ("Using pre-written building blocks in your workflow#Adding an action from the same
 * repository"; GitHub changelog 2026-07-30). {@code uses} cannot hold an expression. A remote reference to
 * a branch-like ref such as {@code @main} is a warning: the docs recommend a full commit SHA or a
 * release tag because a branch can move under the workflow ("Security hardening for GitHub
 * Actions#Using third-party actions").
 */
final class ActionReference {

    private static final Pattern STEP_REMOTE = Pattern.compile("[^/@\\s]+/[^/@\\s]+(/[^@\\s]+)?@[^@\\s]+");
    private static final Pattern JOB_REMOTE = Pattern.compile(
            "[^/@\\s]+/[^/@\\s]+/\\.github/workflows/[^/@\\s]+\\.ya?ml@[^@\\s]+");
    private static final Pattern JOB_LOCAL = Pattern.compile("(\\./|\\$/)\\.github/workflows/[^/@\\s]+\\.ya?ml");
    /** {@code $/} and a path without {@code @}: a self repository reference. */
    private static final Pattern STEP_SELF = Pattern.compile("\\$/[^@\\s]*[^/@\\s][^@\\s]*");
    /** Refs that name a moving branch rather than a release or a commit. */
    private static final List<String> BRANCH_LIKE = List.of("main", "master", "develop", "development", "dev",
            "trunk", "HEAD");

    private ActionReference() {
    }

    /** Checks a step's {@code uses}; {@code where} names the step for messages. */
    static void checkStep(YamlScalar uses, String where, Diagnostics diagnostics) {
        String value = uses.value();
        if (expression(uses, where, diagnostics)) {
            return;
        }
        if (value.startsWith("./") || value.startsWith("docker://") || STEP_SELF.matcher(value).matches()) {
            return;
        }
        // '$' is no owner: '$/path@ref' is a self repository reference with a ref, which it cannot have.
        if (value.startsWith("$/") || !STEP_REMOTE.matcher(value).matches()) {
            diagnostics.error(uses.range(), Rules.INVALID_USES, "'uses' of " + where + " must be "
                    + "'OWNER/REPO@REF', 'OWNER/REPO/PATH@REF', './PATH', '$/PATH' or 'docker://IMAGE', not '" + value + "'");
            return;
        }
        pinned(uses, "action", diagnostics);
    }

    /** Checks a job's reusable workflow {@code uses}. */
    static void checkJob(YamlScalar uses, String where, Diagnostics diagnostics) {
        String value = uses.value();
        if (expression(uses, where, diagnostics)) {
            return;
        }
        if (JOB_LOCAL.matcher(value).matches()) {
            return;
        }
        if (!JOB_REMOTE.matcher(value).matches()) {
            diagnostics.error(uses.range(), Rules.INVALID_USES, "'uses' of " + where + " must be "
                    + "'./.github/workflows/FILE.yml', '$/.github/workflows/FILE.yml' or"
                    + " 'OWNER/REPO/.github/workflows/FILE.yml@REF', not '" + value + "'");
            return;
        }
        pinned(uses, "reusable workflow", diagnostics);
    }

    private static boolean expression(YamlScalar uses, String where, Diagnostics diagnostics) {
        if (ExpressionText.contains(uses.value())) {
            diagnostics.error(uses.range(), Rules.INVALID_USES, "'uses' of " + where
                    + " cannot hold an expression; GitHub reads it before any expression is evaluated");
            return true;
        }
        return false;
    }

    private static void pinned(YamlScalar uses, String kind, Diagnostics diagnostics) {
        String value = uses.value();
        String ref = value.substring(value.lastIndexOf('@') + 1);
        if (BRANCH_LIKE.contains(ref)) {
            diagnostics.warning(uses.range(), Rules.UNPINNED_ACTION, kind + " '" + value + "' is pinned to the branch '"
                    + ref + "', which can change under the workflow; pin a release tag or a commit SHA");
        }
    }
}

package dev.gantry.runner.github;

import dev.gantry.runner.report.StepRef;
import java.io.IOException;

/**
 * A post step waiting for the end of the job ("Metadata syntax for GitHub Actions#runs.post"): the
 * post of a built-in action or of a JavaScript action. Posts run after the job's last step, last
 * registered first, each when its {@code post-if} holds.
 *
 * @param name      the name of the step that registered it; the post is shown as {@code Post <name>}
 * @param condition {@code post-if}
 * @param body      what the post does
 */
record PendingPost(String name, String condition, Body body) {

    /** Runs a post step. */
    @FunctionalInterface
    interface Body {
        /**
         * @param ref       the post step's reference (its index names its file folder)
         * @param jobStatus the job's status when the post starts
         */
        StepRunResult run(StepRef ref, String jobStatus) throws ExpressionFailure, IOException;
    }
}

package dev.gantry.runner.actions.checkout;

import java.nio.file.Path;

/**
 * What a checkout step asks for, read from its inputs.
 *
 * @param repository  {@code owner/name}
 * @param workflowRepository true when it is the run's own repository (served from the local one)
 * @param ref         the {@code ref} input (branch, tag, SHA or {@code refs/...}), or ""
 * @param target      the folder to check out into (the workspace or {@code path:} below it)
 * @param fetchDepth  commits of history to fetch for another repository; 0 for all
 * @param submodules  "false", "true" or "recursive"
 * @param lfs         the {@code lfs} input
 * @param serverUrl   where another repository is cloned from, without a trailing slash
 */
record CheckoutRequest(String repository, boolean workflowRepository, String ref, Path target, int fetchDepth,
                       String submodules, boolean lfs, String serverUrl) {

    boolean withSubmodules() {
        return !submodules.equals("false");
    }
}

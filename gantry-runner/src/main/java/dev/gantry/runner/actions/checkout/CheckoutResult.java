package dev.gantry.runner.actions.checkout;

/**
 * What was checked out.
 *
 * @param ref    the ref ({@code refs/heads/main}, {@code refs/tags/v1}), or "" for a bare SHA
 * @param commit the SHA of HEAD
 */
record CheckoutResult(String ref, String commit) {
}

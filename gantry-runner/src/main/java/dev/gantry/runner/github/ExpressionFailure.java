package dev.gantry.runner.github;

/**
 * An expression in the workflow could not be evaluated at run time (for example {@code fromJSON}
 * of text that is not JSON). The step or job that holds it fails with this message, as on GitHub
 * ("The template is not valid").
 */
final class ExpressionFailure extends Exception {

    private static final long serialVersionUID = 1L;

    ExpressionFailure(String message) {
        super(message, null, false, false);
    }
}

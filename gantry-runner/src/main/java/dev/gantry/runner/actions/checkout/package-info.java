/**
 * actions/checkout: the run's own repository from the local working tree or one of its revisions
 * (through the workspace preparer), another repository cloned with JGit. Never writes to the user's
 * repository or to the user's git configuration; what later steps need is in the checked-out
 * folder's own {@code .git} and in exported variables.
 */
package dev.gantry.runner.actions.checkout;

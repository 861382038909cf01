/**
 * Preparing a job's workspace: a private copy of the repository's working tree or of a committed
 * revision, with a {@code .git} of its own that borrows the repository's objects. Reads the user's
 * repository and never writes to it; never runs a {@code git} process (JGit reads the repository).
 */
package dev.gantry.runner.workspace;

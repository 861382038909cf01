/**
 * The local git repository, read through JGit: the facts of the commit a run uses and the files a
 * push or pull request changed. Never writes to the repository.
 */
package dev.gantry.runner.git;

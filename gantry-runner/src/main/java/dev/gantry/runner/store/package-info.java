/**
 * Stores that outlive a step: the cache store (tar+zstd archives in the user's cache directory,
 * shared by every run on this machine) and the artifact store (files a run's jobs hand to each
 * other, kept under the run's folder). Knows nothing of actions, inputs or workflows: callers decide
 * which files go in and where they come out. Never leaves a half-written entry visible.
 */
package dev.gantry.runner.store;

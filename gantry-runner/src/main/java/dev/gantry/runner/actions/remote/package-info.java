/**
 * Remote actions: repositories named by {@code uses: owner/repo[/path]@ref}, cloned with JGit from
 * the configured git server once and then served from the user's action cache, also offline. Only
 * fetches and stores files; what an action's metadata means and how it runs is not decided here.
 */
package dev.gantry.runner.actions.remote;

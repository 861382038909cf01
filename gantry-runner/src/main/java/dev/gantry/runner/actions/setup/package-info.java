/**
 * actions/setup-java, setup-node, setup-python, setup-go and astral-sh/setup-uv: each picks, among
 * the toolchains already installed on this machine, the one the workflow asks for, and puts it on
 * PATH. Nothing is ever downloaded; a version that is not installed fails the step with the list of
 * those that are. Dependency caches ({@code cache:}) go through
 * {@link dev.gantry.runner.actions.cache.CacheClient}.
 */
package dev.gantry.runner.actions.setup;

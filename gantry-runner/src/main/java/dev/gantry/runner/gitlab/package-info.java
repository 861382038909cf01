/**
 * Running GitLab CI pipelines on this machine with GitLab Runner's semantics: the shell script of a
 * job, its variables, artifacts with their reports, caches, retries and the pipeline loop around them.
 * What a pipeline is made of (rules, edges, {@code when}) is decided in gantry-core's {@code plan} and
 * {@code schedule}; nothing here re-decides it.
 */
package dev.gantry.runner.gitlab;

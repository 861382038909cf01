/**
 * The local run loop: applies the core scheduler's decisions, starts jobs through a
 * {@link dev.gantry.runner.engine.JobLauncher} and collects their results. Decides nothing itself;
 * what a job does is the launcher's business.
 */
package dev.gantry.runner.engine;

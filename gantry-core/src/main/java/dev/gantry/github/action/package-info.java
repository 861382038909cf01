/**
 * What an action's metadata file ({@code action.yml} or {@code action.yaml}) says, as immutable
 * records, and how a step's {@code uses:} names an action. Pure data: the parser that reports
 * diagnostics lives in {@link dev.gantry.github.ActionMetadataParser}; fetching and running actions
 * belong to gantry-runner, never here.
 */
package dev.gantry.github.action;

/**
 * actions/upload-artifact and actions/download-artifact over the run's
 * {@link dev.gantry.runner.store.ArtifactStore}: which files an upload takes and how they are named,
 * where a download puts them. Artifacts never leave the run.
 */
package dev.gantry.runner.actions.artifact;

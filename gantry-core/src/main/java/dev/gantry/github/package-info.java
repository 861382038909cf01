/**
 * The GitHub Actions front end: workflow YAML to the {@link dev.gantry.model.Pipeline} model, with a
 * diagnostic for everything "Workflow syntax for GitHub Actions" (docs.github.com) does not allow.
 * Pure: reads no files and runs nothing.
 */
package dev.gantry.github;

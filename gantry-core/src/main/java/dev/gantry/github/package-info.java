/**
 * The GitHub Actions front end: workflow YAML to the {@link dev.gantry.model.Pipeline} model, with a
 * diagnostic for everything "Workflow syntax for GitHub Actions" (docs.github.com) does not allow.
 * Pure: reads no files and runs nothing. Expressions are parsed and evaluated by
 * {@link dev.gantry.expr.github}; here they are only checked where they stand. Rule ids live in
 * {@code Rules} and never change once released.
 */
package dev.gantry.github;

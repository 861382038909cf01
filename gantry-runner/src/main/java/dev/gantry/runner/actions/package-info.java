/**
 * Actions: the built-in versions of the actions nearly every workflow uses, carried out by Gantry
 * itself so that they work offline and fast, behind the {@link dev.gantry.runner.actions.BuiltinAction}
 * port. Knows nothing of scheduling; the job runner calls it for {@code uses:} steps.
 */
package dev.gantry.runner.actions;

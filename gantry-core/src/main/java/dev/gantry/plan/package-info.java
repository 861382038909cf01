/**
 * Planning: from the model (what the user wrote) to what will run, starting with matrix expansion
 * into cells. Pure and deterministic: nothing here evaluates expressions, reads files or runs
 * anything; what cannot be known before run time is returned as such, never guessed.
 */
package dev.gantry.plan;

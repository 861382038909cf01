/**
 * Planning: from the model (what the user wrote) to what will run: matrix expansion into cells, and
 * GitLab pipeline creation ({@code workflow:rules}, job {@code rules}, {@code only}/{@code except})
 * from facts the caller passes in. Pure and deterministic: nothing here reads files or the clock or
 * runs anything; what cannot be known before run time is returned as such, never guessed.
 */
package dev.gantry.plan;

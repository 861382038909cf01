/**
 * Diagnostics: problems in user input with the file, line and column that caused them.
 * Everything a user can get wrong ends here as a {@link dev.gantry.diag.Diagnostic}, never as an
 * exception that reaches the user. Nothing here reads files or knows a format.
 */
package dev.gantry.diag;

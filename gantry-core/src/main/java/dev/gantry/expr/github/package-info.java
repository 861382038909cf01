/**
 * GitHub Actions {@code ${{ }}} expressions: a lexer, a parser that builds an immutable tree, an
 * evaluator with the runner's coercions, {@code if:} conditions, string templates, the context
 * availability table for lint, and the helpers that build the {@code inputs} context. Behaviour
 * follows docs.github.com "Evaluate expressions in workflows and actions" and "Contexts reference".
 * Pure: no processes, threads or network; files are reached only through {@link
 * dev.gantry.expr.github.WorkspaceFiles}, and nothing here keeps global mutable state.
 */
package dev.gantry.expr.github;

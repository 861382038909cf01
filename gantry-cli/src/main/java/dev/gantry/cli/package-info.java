/**
 * The command line: picocli commands that wire the core, the runner and the server together.
 * The only place that reads arguments, prints to the terminal and chooses an exit status.
 */
package dev.gantry.cli;

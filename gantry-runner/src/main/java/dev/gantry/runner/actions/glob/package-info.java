/**
 * File patterns of the actions that take paths (actions/cache, upload-artifact): the pattern
 * language of the toolkit's glob module ({@code *}, {@code **}, {@code ?}, {@code [...]},
 * {@code !} exclusions, {@code ~}) and the walk that finds matching files. Reads the file system,
 * never writes it.
 */
package dev.gantry.runner.actions.glob;

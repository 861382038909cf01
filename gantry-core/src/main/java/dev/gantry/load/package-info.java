/**
 * Loading: from a file name to a {@link dev.gantry.model.Pipeline} and its diagnostics, choosing
 * the front end by the file's place and content. Reads files through {@link dev.gantry.load.SourceFiles};
 * runs nothing.
 */
package dev.gantry.load;

/**
 * Where the files of reusable workflows come from on this machine: the repository's own files, and
 * remote workflows through the {@link dev.gantry.runner.reusable.RemoteWorkflowFiles} port (fetched
 * and cached by the action fetcher). Reads files only; runs nothing and clones nothing itself.
 */
package dev.gantry.runner.reusable;

/**
 * Reusable workflows ({@code jobs.<job_id>.uses}): which workflow a caller job names, reading the
 * called workflows through the {@link dev.gantry.reusable.WorkflowSource} port, checking every call
 * of the tree (inputs, secrets, cycles, nesting depth) with diagnostics at the caller's YAML, and
 * the typing of call inputs. Pure: files come only through the port, and nothing here evaluates an
 * expression or runs a job.
 */
package dev.gantry.reusable;

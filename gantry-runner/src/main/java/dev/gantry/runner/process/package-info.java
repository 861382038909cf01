/**
 * Running a step's process on the host: its own session and process group, output read line by
 * line, cancellation by SIGINT, SIGTERM then SIGKILL to the whole group, and a per-job registry
 * that kills what steps left running when the job ends. Nothing here knows workflows, masking or
 * workflow commands: callers get raw lines and exit codes. POSIX only (Linux and macOS).
 */
package dev.gantry.runner.process;

package dev.gantry.runner.process;

/**
 * One live process as a {@link ProcessTable} saw it.
 *
 * @param pid        process id
 * @param pgid       process group id
 * @param startTicks when it started, in clock ticks since boot ({@code /proc/<pid>/stat} field 22);
 *                   0 where the table cannot tell
 */
record ProcessEntry(long pid, long pgid, long startTicks) {
}

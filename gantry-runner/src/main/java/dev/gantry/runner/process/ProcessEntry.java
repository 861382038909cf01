package dev.gantry.runner.process;

/**
 * One live process as a {@link ProcessTable} saw it.
 *
 * @param pid  process id
 * @param pgid process group id
 */
record ProcessEntry(long pid, long pgid) {
}

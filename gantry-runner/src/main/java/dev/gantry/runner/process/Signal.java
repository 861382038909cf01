package dev.gantry.runner.process;

/** The POSIX signals Gantry sends to a step's process group. */
public enum Signal {
    /** Interrupt, as Ctrl-C: the first, polite request to stop. */
    INT,
    /** Terminate: the second request. */
    TERM,
    /** Kill: cannot be caught or ignored. */
    KILL
}

package dev.gantry.runner.process;

/** Which output stream of a step a line came from. */
public enum StreamKind {
    STDOUT, STDERR
}

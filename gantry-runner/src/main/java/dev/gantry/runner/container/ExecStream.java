package dev.gantry.runner.container;

/** Which output stream of an exec'd command a line came from. */
public enum ExecStream {
    STDOUT, STDERR
}

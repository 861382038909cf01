package dev.gantry.runner.actions.setup;

import java.nio.file.Path;

/**
 * A toolchain installed on this machine.
 *
 * @param version    its version
 * @param home       its root folder (JAVA_HOME, GOROOT, Python's prefix, Node's prefix)
 * @param executable the tool itself ({@code bin/java}, {@code bin/node}, ...); its folder goes on PATH
 * @param vendor     who built it, as far as known (a JDK's IMPLEMENTOR), or ""
 */
public record Toolchain(ToolVersion version, Path home, Path executable, String vendor) {

    /** The folder put on PATH. */
    public Path bin() {
        return executable.getParent();
    }

    /** "17.0.15+6 (/usr/lib/jvm/java-17-openjdk-amd64)": for lists in messages. */
    public String describe() {
        return version.text() + " (" + home + ")";
    }
}

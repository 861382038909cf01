package dev.gantry.runner.container;

import java.util.Objects;
import java.util.Optional;

/**
 * A file system mounted into a container, in the {@code -v}/{@code --volume} syntax that GitHub's
 * {@code volumes:} and {@code options: -v} use (docs.github.com "Workflow syntax for GitHub
 * Actions#jobs.&lt;job_id&gt;.container.volumes": {@code <source>:<destinationPath>}, where the
 * source is a volume name or an absolute path on the host).
 *
 * @param source   an absolute host path (a bind mount), a volume name (created with the run's
 *                 label when it does not exist yet, so that cleanup removes it), or "" for an
 *                 anonymous volume (removed with its container)
 * @param target   the absolute path inside the container
 * @param readOnly mounted read-only ({@code :ro})
 */
public record Mount(String source, String target, boolean readOnly) {

    public Mount {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
    }

    /** A read-write bind mount of a host directory or file. */
    public static Mount bind(String hostPath, String target) {
        return new Mount(hostPath, target, false);
    }

    /** True when the source is a host path rather than a volume. */
    public boolean isBind() {
        return source.startsWith("/");
    }

    /** True for a named volume (not a bind mount, not anonymous). */
    public boolean isNamedVolume() {
        return !source.isEmpty() && !isBind();
    }

    /**
     * Reads {@code target}, {@code source:target} or {@code source:target:mode}, where mode is a
     * comma-separated list of {@code ro}, {@code rw} and the propagation and SELinux words Docker
     * accepts (which are ignored here).
     *
     * @return empty when the text is not of that shape or the target is not absolute
     */
    public static Optional<Mount> parse(String text) {
        String[] parts = text.strip().split(":", -1);
        String source;
        String target;
        String mode = "";
        switch (parts.length) {
            case 1 -> {
                source = "";
                target = parts[0];
            }
            case 2 -> {
                source = parts[0];
                target = parts[1];
            }
            case 3 -> {
                source = parts[0];
                target = parts[1];
                mode = parts[2];
            }
            default -> {
                return Optional.empty();
            }
        }
        if (!target.startsWith("/") || (parts.length > 1 && source.isEmpty())) {
            return Optional.empty();
        }
        boolean readOnly = false;
        for (String word : mode.split(",")) {
            switch (word) {
                case "ro" -> readOnly = true;
                case "", "rw", "z", "Z", "shared", "rshared", "slave", "rslave", "private", "rprivate",
                     "nocopy", "consistent", "cached", "delegated" -> { }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new Mount(source, target, readOnly));
    }
}

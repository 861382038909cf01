package dev.gantry.runner.container;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A container to create and start. Build one with {@link #builder}.
 *
 * @param image       the image reference ({@code redis:7}, {@code ghcr.io/o/i@sha256:...})
 * @param name        the container's name, unique on the engine (see {@link ResourceNames})
 * @param runId       the run that owns the container; becomes the {@link ContainerRuntime#RUN_LABEL}
 *                    label, so that {@link ContainerRuntime#cleanup} finds it
 * @param network     the user-defined network to attach to; empty for the engine's default
 * @param aliases     extra names by which other containers on {@code network} reach this one
 * @param env         the environment, in order; the image's own environment stays beneath it
 * @param mounts      bind mounts and volumes
 * @param ports       ports to publish on the host
 * @param entrypoint  replaces the image's entrypoint when present (an empty list clears it)
 * @param cmd         replaces the image's command when present
 * @param workingDir  replaces the image's working directory when present
 * @param user        {@code name}, {@code uid} or {@code uid:gid}; the image's user when empty
 * @param hostname    the container's host name; the engine's default (the short id) when empty
 * @param labels      more labels; the run label is always set and cannot be replaced
 * @param healthCheck replaces or tunes the image's health check when present
 * @param resources   limits and privileges
 */
public record ContainerSpec(String image, String name, String runId, Optional<String> network, List<String> aliases,
                            Map<String, String> env, List<Mount> mounts, List<PortMapping> ports,
                            Optional<List<String>> entrypoint, Optional<List<String>> cmd, Optional<String> workingDir,
                            Optional<String> user, Optional<String> hostname, Map<String, String> labels,
                            Optional<HealthCheck> healthCheck, Resources resources) {

    public ContainerSpec {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(network, "network");
        aliases = List.copyOf(aliases);
        env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
        mounts = List.copyOf(mounts);
        ports = List.copyOf(ports);
        entrypoint = entrypoint.map(List::copyOf);
        cmd = cmd.map(List::copyOf);
        Objects.requireNonNull(workingDir, "workingDir");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(hostname, "hostname");
        Map<String, String> all = new LinkedHashMap<>(labels);
        all.put(ContainerRuntime.RUN_LABEL, runId);
        labels = java.util.Collections.unmodifiableMap(all);
        Objects.requireNonNull(healthCheck, "healthCheck");
        Objects.requireNonNull(resources, "resources");
    }

    public static Builder builder(String image, String name, String runId) {
        return new Builder(image, name, runId);
    }

    /** Collects the fields of a {@link ContainerSpec}; not thread-safe. */
    public static final class Builder {
        private final String image;
        private final String name;
        private final String runId;
        private Optional<String> network = Optional.empty();
        private final List<String> aliases = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<Mount> mounts = new ArrayList<>();
        private final List<PortMapping> ports = new ArrayList<>();
        private Optional<List<String>> entrypoint = Optional.empty();
        private Optional<List<String>> cmd = Optional.empty();
        private Optional<String> workingDir = Optional.empty();
        private Optional<String> user = Optional.empty();
        private Optional<String> hostname = Optional.empty();
        private final Map<String, String> labels = new LinkedHashMap<>();
        private Optional<HealthCheck> healthCheck = Optional.empty();
        private Resources resources = Resources.none();

        private Builder(String image, String name, String runId) {
            this.image = image;
            this.name = name;
            this.runId = runId;
        }

        /** Attaches to {@code networkName}, reachable there under {@code networkAliases} too. */
        public Builder network(String networkName, List<String> networkAliases) {
            network = Optional.of(networkName);
            aliases.addAll(networkAliases);
            return this;
        }

        public Builder env(Map<String, String> values) {
            env.putAll(values);
            return this;
        }

        public Builder mount(Mount mount) {
            mounts.add(mount);
            return this;
        }

        public Builder port(PortMapping port) {
            ports.add(port);
            return this;
        }

        public Builder entrypoint(List<String> value) {
            entrypoint = Optional.of(value);
            return this;
        }

        public Builder cmd(List<String> value) {
            cmd = Optional.of(value);
            return this;
        }

        public Builder workingDir(String value) {
            workingDir = Optional.of(value);
            return this;
        }

        public Builder user(String value) {
            user = Optional.of(value);
            return this;
        }

        public Builder hostname(String value) {
            hostname = Optional.of(value);
            return this;
        }

        public Builder label(String key, String value) {
            labels.put(key, value);
            return this;
        }

        public Builder healthCheck(HealthCheck value) {
            healthCheck = Optional.of(value);
            return this;
        }

        public Builder resources(Resources value) {
            resources = value;
            return this;
        }

        /**
         * Keeps the container running with nothing to do, so that steps can be exec'd into it: the
         * entrypoint becomes {@code tail -f /dev/null}, as GitHub's runner creates a job container
         * (its "Initialize containers" log shows {@code docker create ... --entrypoint "tail" IMAGE
         * "-f" "/dev/null"}; docs.github.com "Running jobs in a container" describes the steps
         * running inside it). {@code tail} must be on the image's PATH, as it is in every image
         * with a shell.
         */
        public Builder keepAlive() {
            return entrypoint(List.of("tail")).cmd(List.of("-f", "/dev/null"));
        }

        /** Applies a parsed {@code options:} string on top of what was set so far. */
        public Builder options(ContainerOptions options) {
            env.putAll(options.env());
            mounts.addAll(options.mounts());
            options.user().ifPresent(this::user);
            options.workingDir().ifPresent(this::workingDir);
            // docker create --entrypoint takes one program; "" clears the image's entrypoint.
            options.entrypoint().ifPresent(e -> entrypoint(e.isEmpty() ? List.of() : List.of(e)));
            options.hostname().ifPresent(this::hostname);
            labels.putAll(options.labels());
            options.healthCheck().ifPresent(this::healthCheck);
            resources = resources.then(options.resources());
            return this;
        }

        public ContainerSpec build() {
            return new ContainerSpec(image, name, runId, network, aliases, env, mounts, ports, entrypoint, cmd,
                    workingDir, user, hostname, labels, healthCheck, resources);
        }
    }
}

package dev.gantry.runner.container;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a GitHub {@code options:} string asks for, after {@link ContainerOptionsParser} read it.
 * Applied on top of what the workflow's own keys say ({@link ContainerSpec.Builder#options}), as
 * GitHub's runner appends {@code options} to its {@code docker create} command line: single
 * values replace, lists and maps add.
 *
 * @param env         {@code --env}/{@code -e}: variables, in order
 * @param mounts      {@code --volume}/{@code -v}
 * @param user        {@code --user}/{@code -u}
 * @param workingDir  {@code --workdir}/{@code -w}
 * @param entrypoint  {@code --entrypoint}: the program (empty string: clear the image's entrypoint)
 * @param hostname    {@code --hostname}/{@code -h}
 * @param labels      {@code --label}/{@code -l}
 * @param healthCheck the {@code --health-*} and {@code --no-healthcheck} options, if any was given
 * @param resources   {@code --cpus}, {@code --memory}, {@code --privileged}, {@code --cap-add},
 *                    {@code --shm-size}, {@code --tmpfs}
 */
public record ContainerOptions(Map<String, String> env, List<Mount> mounts, Optional<String> user,
                               Optional<String> workingDir, Optional<String> entrypoint, Optional<String> hostname,
                               Map<String, String> labels, Optional<HealthCheck> healthCheck, Resources resources) {

    public ContainerOptions {
        env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
        mounts = List.copyOf(mounts);
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(workingDir, "workingDir");
        Objects.requireNonNull(entrypoint, "entrypoint");
        Objects.requireNonNull(hostname, "hostname");
        labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        Objects.requireNonNull(healthCheck, "healthCheck");
        Objects.requireNonNull(resources, "resources");
    }

    /** No options. */
    public static ContainerOptions none() {
        return new ContainerOptions(Map.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Map.of(), Optional.empty(), Resources.none());
    }
}

package dev.gantry.runner.container;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Limits and privileges of a container, as the {@code docker create} options of the same names
 * set them (docs.docker.com "docker container create").
 *
 * @param cpus         {@code --cpus}: how many CPUs' worth of time, for example 1.5
 * @param memoryBytes  {@code --memory}/{@code -m}: the memory limit in bytes
 * @param privileged   {@code --privileged}
 * @param capAdd       {@code --cap-add}: capability names without the {@code CAP_} prefix, upper case
 * @param shmSizeBytes {@code --shm-size}: the size of {@code /dev/shm} in bytes
 * @param tmpfs        {@code --tmpfs}: container path to mount options ("" for none)
 */
public record Resources(Optional<Double> cpus, Optional<Long> memoryBytes, boolean privileged, List<String> capAdd,
                        Optional<Long> shmSizeBytes, Map<String, String> tmpfs) {

    public Resources {
        Objects.requireNonNull(cpus, "cpus");
        Objects.requireNonNull(memoryBytes, "memoryBytes");
        capAdd = List.copyOf(capAdd);
        Objects.requireNonNull(shmSizeBytes, "shmSizeBytes");
        tmpfs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tmpfs));
    }

    /** No limits, no extra privileges. */
    public static Resources none() {
        return new Resources(Optional.empty(), Optional.empty(), false, List.of(), Optional.empty(), Map.of());
    }

    /** These settings with {@code later}'s on top: later values win, lists and maps are joined. */
    public Resources then(Resources later) {
        Map<String, String> mounts = new LinkedHashMap<>(tmpfs);
        mounts.putAll(later.tmpfs);
        return new Resources(later.cpus.or(() -> cpus), later.memoryBytes.or(() -> memoryBytes),
                privileged || later.privileged,
                Stream.concat(capAdd.stream(), later.capAdd.stream()).distinct().toList(),
                later.shmSizeBytes.or(() -> shmSizeBytes), mounts);
    }
}

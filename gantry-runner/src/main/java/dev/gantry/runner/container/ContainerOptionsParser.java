package dev.gantry.runner.container;

import dev.gantry.diag.Diagnostic;
import dev.gantry.diag.Severity;
import dev.gantry.diag.SourceRange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads GitHub's {@code options:} of a job container or a service: "Additional Docker container
 * resource options", any {@code docker create} option except network ones (docs.github.com
 * "Workflow syntax for GitHub Actions#jobs.&lt;job_id&gt;.container.options" and
 * "#jobs.&lt;job_id&gt;.services.&lt;service_id&gt;.options"; the options themselves as
 * docs.docker.com "docker container create" defines them).
 *
 * <p>Gantry implements {@code --env/-e}, {@code --volume/-v}, {@code --user/-u},
 * {@code --workdir/-w}, {@code --entrypoint}, {@code --hostname/-h}, {@code --label/-l},
 * {@code --cpus}, {@code --memory/-m}, {@code --privileged}, {@code --cap-add}, {@code --shm-size},
 * {@code --tmpfs}, {@code --health-cmd}, {@code --health-interval}, {@code --health-timeout},
 * {@code --health-retries}, {@code --health-start-period} and {@code --no-healthcheck}, each in the
 * forms {@code --name value}, {@code --name=value}, {@code -x value}, {@code -xvalue} and
 * {@code -x=value}. Anything else is reported, never silently dropped:
 * <ul>
 *   <li>{@code container-option-network}: a network option ({@code --network}, {@code --publish},
 *       {@code --dns}...): Gantry attaches the container to the job's network itself;</li>
 *   <li>{@code container-option-unsupported}: a {@code docker create} option Gantry does not
 *       implement;</li>
 *   <li>{@code container-option-unknown}: not a {@code docker create} option at all;</li>
 *   <li>{@code container-option-value}: a value of the wrong shape ({@code --memory lots});</li>
 *   <li>{@code container-options-syntax}: an unterminated quote, a missing value, or a word that
 *       belongs to no option.</li>
 * </ul>
 * The options are usually evaluated at run time (they may hold expressions), so the parser takes
 * the range of the {@code options} value and reports every problem there. Never throws.
 */
public final class ContainerOptionsParser {

    /**
     * @param options     what the valid options ask for (problems leave their option out)
     * @param diagnostics the problems, in the order of the options
     */
    public record Result(ContainerOptions options, List<Diagnostic> diagnostics) {
        public Result {
            diagnostics = List.copyOf(diagnostics);
        }

        public boolean hasErrors() {
            return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
        }
    }

    private static final Map<Character, String> SHORT = Map.ofEntries(
            Map.entry('e', "env"), Map.entry('v', "volume"), Map.entry('u', "user"), Map.entry('w', "workdir"),
            Map.entry('h', "hostname"), Map.entry('m', "memory"), Map.entry('l', "label"), Map.entry('p', "publish"),
            Map.entry('P', "publish-all"), Map.entry('c', "cpu-shares"), Map.entry('i', "interactive"),
            Map.entry('t', "tty"), Map.entry('a', "attach"), Map.entry('q', "quiet"));

    private static final Set<String> NETWORK = Set.of("network", "net", "network-alias", "net-alias", "link", "ip",
            "ip6", "link-local-ip", "publish", "publish-all", "expose", "dns", "dns-option", "dns-opt", "dns-search",
            "add-host", "mac-address");

    private static final Set<String> UNSUPPORTED = Set.of("attach", "blkio-weight", "blkio-weight-device", "cap-drop",
            "cgroup-parent", "cgroupns", "cidfile", "cpu-count", "cpu-percent", "cpu-period", "cpu-quota",
            "cpu-rt-period", "cpu-rt-runtime", "cpu-shares", "cpuset-cpus", "cpuset-mems", "device",
            "device-cgroup-rule", "device-read-bps", "device-read-iops", "device-write-bps", "device-write-iops",
            "disable-content-trust", "domainname", "env-file", "gpus", "group-add", "health-start-interval", "init",
            "interactive", "io-maxbandwidth", "io-maxiops", "ipc", "isolation", "kernel-memory", "label-file",
            "log-driver", "log-opt", "memory-reservation", "memory-swap", "memory-swappiness", "mount", "name",
            "oom-kill-disable", "oom-score-adj", "pid", "pids-limit", "platform", "pull", "quiet", "read-only",
            "restart", "rm", "runtime", "security-opt", "stop-signal", "stop-timeout", "storage-opt", "sysctl", "tty",
            "ulimit", "userns", "uts", "volume-driver", "volumes-from");

    private static final Set<String> IMPLEMENTED = Set.of("env", "volume", "user", "workdir", "entrypoint",
            "hostname", "label", "cpus", "memory", "shm-size", "cap-add", "tmpfs", "health-cmd", "health-interval",
            "health-timeout", "health-start-period", "health-retries", "privileged", "no-healthcheck");

    /** Options that take no value (a {@code --flag=true|false} form is accepted too). */
    private static final Set<String> FLAGS = Set.of("privileged", "no-healthcheck", "publish-all", "init",
            "interactive", "tty", "read-only", "rm", "oom-kill-disable", "disable-content-trust", "quiet");

    private ContainerOptionsParser() {
    }

    /**
     * @param options the {@code options:} text after expressions were evaluated; null or blank for none
     * @param range   where the {@code options} value is written, for the diagnostics
     */
    public static Result parse(String options, SourceRange range) {
        Draft draft = new Draft(range);
        if (options == null || options.isBlank()) {
            return new Result(ContainerOptions.none(), List.of());
        }
        OptionWords split = OptionWords.split(options);
        if (split.error().isPresent()) {
            // Where the quote should have ended is unknown, so the words after it mean nothing.
            draft.error("container-options-syntax", "the options have " + split.error().get());
            return new Result(ContainerOptions.none(), draft.diagnostics);
        }
        List<String> words = split.words();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String written;
            String name;
            Optional<String> inline = Optional.empty();
            if (word.startsWith("--") && word.length() > 2) {
                int eq = word.indexOf('=');
                name = eq < 0 ? word.substring(2) : word.substring(2, eq);
                inline = eq < 0 ? Optional.empty() : Optional.of(word.substring(eq + 1));
                written = "--" + name;
            } else if (word.startsWith("-") && word.length() > 1 && !word.startsWith("--")) {
                char letter = word.charAt(1);
                written = "-" + letter;
                name = SHORT.get(letter);
                if (word.length() > 2) {
                    inline = Optional.of(word.charAt(2) == '=' ? word.substring(3) : word.substring(2));
                }
            } else {
                draft.error("container-options-syntax", "'" + word + "' in the options belongs to no option;"
                        + " every word must be an option or an option's value");
                continue;
            }
            if (name == null || !(IMPLEMENTED.contains(name) || NETWORK.contains(name) || UNSUPPORTED.contains(name))) {
                draft.error("container-option-unknown", "unknown container option '" + written
                        + "' (see docs.docker.com \"docker container create\" for the options there are)");
                // Whether it takes a value is unknown: a next word that is no option is taken as its value.
                if (inline.isEmpty() && i + 1 < words.size() && !words.get(i + 1).startsWith("-")) {
                    i++;
                }
                continue;
            }
            boolean flag = FLAGS.contains(name);
            String value;
            if (flag) {
                value = inline.orElse("true");
            } else if (inline.isPresent()) {
                value = inline.get();
            } else if (i + 1 < words.size()) {
                value = words.get(++i);
            } else {
                draft.error("container-options-syntax", "option '" + written + "' needs a value");
                continue;
            }
            if (NETWORK.contains(name)) {
                draft.error("container-option-network", "option '" + written + "' is not supported: "
                        + (name.startsWith("publish") || name.equals("expose")
                        ? "publish ports with the 'ports' key instead"
                        : "Gantry connects every container of a job to the job's own network"));
            } else if (UNSUPPORTED.contains(name)) {
                draft.error("container-option-unsupported", "option '" + written + "' of docker create is not"
                        + " supported by Gantry");
            } else {
                draft.apply(name, written, value, flag);
            }
        }
        return new Result(draft.build(), draft.diagnostics);
    }

    /** The options read so far. */
    private static final class Draft {
        private final SourceRange range;
        final List<Diagnostic> diagnostics = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<Mount> mounts = new ArrayList<>();
        private Optional<String> user = Optional.empty();
        private Optional<String> workingDir = Optional.empty();
        private Optional<String> entrypoint = Optional.empty();
        private Optional<String> hostname = Optional.empty();
        private final Map<String, String> labels = new LinkedHashMap<>();
        private HealthCheck health;
        private Optional<Double> cpus = Optional.empty();
        private Optional<Long> memory = Optional.empty();
        private boolean privileged;
        private final List<String> capAdd = new ArrayList<>();
        private Optional<Long> shmSize = Optional.empty();
        private final Map<String, String> tmpfs = new LinkedHashMap<>();

        Draft(SourceRange range) {
            this.range = range;
        }

        void error(String rule, String message) {
            diagnostics.add(new Diagnostic(Severity.ERROR, range, message, rule));
        }

        private void badValue(String written, String value, String expected) {
            error("container-option-value", "option '" + written + "' has the value '" + value + "'; expected "
                    + expected);
        }

        /** Applies one of the {@link #IMPLEMENTED} options. */
        void apply(String name, String written, String value, boolean flag) {
            if (flag) {
                Optional<Boolean> on = OptionValues.bool(value);
                if (on.isEmpty()) {
                    badValue(written, value, "true or false");
                } else if (name.equals("privileged")) {
                    privileged = on.get();
                } else if (on.get()) { // no-healthcheck
                    health = HealthCheck.none();
                }
                return;
            }
            switch (name) {
                case "env" -> {
                    int eq = value.indexOf('=');
                    if (eq <= 0) {
                        badValue(written, value, "NAME=VALUE (Gantry does not pass its own environment on)");
                    } else {
                        env.put(value.substring(0, eq), value.substring(eq + 1));
                    }
                }
                case "volume" -> Mount.parse(value).ifPresentOrElse(mounts::add,
                        () -> badValue(written, value, "SOURCE:/container/path[:ro] or /container/path"));
                case "user" -> user = nonEmpty(written, value, "a user name or uid[:gid]");
                case "workdir" -> workingDir = nonEmpty(written, value, "an absolute path");
                case "entrypoint" -> entrypoint = Optional.of(value);
                case "hostname" -> hostname = nonEmpty(written, value, "a host name");
                case "label" -> {
                    int eq = value.indexOf('=');
                    if (eq == 0 || value.isEmpty()) {
                        badValue(written, value, "KEY=VALUE or KEY");
                    } else {
                        labels.put(eq < 0 ? value : value.substring(0, eq), eq < 0 ? "" : value.substring(eq + 1));
                    }
                }
                case "cpus" -> OptionValues.cpus(value).ifPresentOrElse(v -> cpus = Optional.of(v),
                        () -> badValue(written, value, "a positive number such as 1.5"));
                case "memory" -> OptionValues.bytes(value).ifPresentOrElse(v -> memory = Optional.of(v),
                        () -> badValue(written, value, "a size such as 512m or 2g"));
                case "shm-size" -> OptionValues.bytes(value).ifPresentOrElse(v -> shmSize = Optional.of(v),
                        () -> badValue(written, value, "a size such as 64m"));
                case "cap-add" -> OptionValues.capability(value).ifPresentOrElse(capAdd::add,
                        () -> badValue(written, value, "a capability name such as NET_ADMIN"));
                case "tmpfs" -> {
                    int colon = value.indexOf(':');
                    String path = colon < 0 ? value : value.substring(0, colon);
                    if (!path.startsWith("/")) {
                        badValue(written, value, "/container/path[:mount options]");
                    } else {
                        tmpfs.put(path, colon < 0 ? "" : value.substring(colon + 1));
                    }
                }
                case "health-cmd" -> health = health().withTest(List.of("CMD-SHELL", value));
                case "health-interval" -> duration(written, value).ifPresent(d -> health = health().withInterval(d));
                case "health-timeout" -> duration(written, value).ifPresent(d -> health = health().withTimeout(d));
                case "health-start-period" -> duration(written, value).ifPresent(d -> health = health().withStartPeriod(d));
                case "health-retries" -> OptionValues.count(value).ifPresentOrElse(n -> health = health().withRetries(n),
                        () -> badValue(written, value, "a whole number such as 5"));
                default -> throw new IllegalStateException("not an implemented option: " + name);
            }
        }

        private HealthCheck health() {
            return health == null ? HealthCheck.inherit() : health;
        }

        private Optional<Duration> duration(String written, String value) {
            Optional<Duration> d = OptionValues.duration(value);
            if (d.isEmpty()) {
                badValue(written, value, "a duration such as 10s, 500ms or 1m30s");
            }
            return d;
        }

        private Optional<String> nonEmpty(String written, String value, String expected) {
            if (value.isEmpty()) {
                badValue(written, value, expected);
                return Optional.empty();
            }
            return Optional.of(value);
        }

        ContainerOptions build() {
            Resources resources = new Resources(cpus, memory, privileged, capAdd, shmSize, tmpfs);
            return new ContainerOptions(env, mounts, user, workingDir, entrypoint, hostname, labels,
                    Optional.ofNullable(health), resources);
        }
    }
}

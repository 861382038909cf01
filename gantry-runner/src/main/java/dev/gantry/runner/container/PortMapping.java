package dev.gantry.runner.container;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A container port to publish on the host, as GitHub's {@code ports:} writes it (docs.github.com
 * "Workflow syntax for GitHub Actions#jobs.&lt;job_id&gt;.services.&lt;service_id&gt;.ports" and
 * "About service containers", "Mapping Docker host and service container ports"): {@code 6379}
 * publishes container port 6379 on a free host port; {@code 8080:80} publishes container port 80
 * on host port 8080; {@code /udp} selects UDP.
 *
 * <p>Gantry publishes on {@code 127.0.0.1} unless the text names another address
 * ({@code 0.0.0.0:8080:80}): a laptop running a pipeline should not expose a test database to its
 * network.
 *
 * @param hostIp        the host address to listen on
 * @param hostPort      the host port, or empty to let the engine choose a free one
 * @param containerPort the port inside the container
 * @param protocol      {@code tcp} or {@code udp}
 */
public record PortMapping(String hostIp, OptionalInt hostPort, int containerPort, String protocol) {

    public static final String LOOPBACK = "127.0.0.1";

    public PortMapping {
        Objects.requireNonNull(hostIp, "hostIp");
        Objects.requireNonNull(hostPort, "hostPort");
        Objects.requireNonNull(protocol, "protocol");
    }

    /** Container port {@code port}/tcp on a free loopback port. */
    public static PortMapping of(int port) {
        return new PortMapping(LOOPBACK, OptionalInt.empty(), port, "tcp");
    }

    /**
     * Reads {@code [[hostIp:]hostPort:]containerPort[/tcp|/udp]}; a number given as a YAML integer
     * arrives here as its decimal text.
     *
     * @return empty when the text is not of that shape or a port is outside 1..65535
     */
    public static Optional<PortMapping> parse(String text) {
        String s = text.strip();
        String protocol = "tcp";
        int slash = s.indexOf('/');
        if (slash >= 0) {
            protocol = s.substring(slash + 1).toLowerCase(Locale.ROOT);
            s = s.substring(0, slash);
            if (!protocol.equals("tcp") && !protocol.equals("udp")) {
                return Optional.empty();
            }
        }
        String[] parts = s.split(":", -1);
        String hostIp = LOOPBACK;
        String hostPort = "";
        String containerPort;
        switch (parts.length) {
            case 1 -> containerPort = parts[0];
            case 2 -> {
                hostPort = parts[0];
                containerPort = parts[1];
            }
            case 3 -> {
                hostIp = parts[0];
                hostPort = parts[1];
                containerPort = parts[2];
                if (hostIp.isEmpty()) {
                    return Optional.empty();
                }
            }
            default -> {
                return Optional.empty();
            }
        }
        OptionalInt container = port(containerPort);
        OptionalInt host = hostPort.isEmpty() ? OptionalInt.empty() : port(hostPort);
        if (container.isEmpty() || (!hostPort.isEmpty() && host.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new PortMapping(hostIp, host, container.getAsInt(), protocol));
    }

    private static OptionalInt port(String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
            return OptionalInt.empty();
        }
        int port = Integer.parseInt(text);
        return port >= 1 && port <= 65535 ? OptionalInt.of(port) : OptionalInt.empty();
    }
}

package dev.gantry.runner.container;

/**
 * A container port as the engine actually published it, for {@code job.services.<id>.ports}
 * (docs.github.com "Contexts reference#job context": a map of the service container's ports to
 * the host's ports).
 *
 * @param containerPort the port inside the container
 * @param protocol      {@code tcp} or {@code udp}
 * @param hostIp        the host address it listens on
 * @param hostPort      the host port the engine bound (chosen by the engine when none was asked for)
 */
public record PublishedPort(int containerPort, String protocol, String hostIp, int hostPort) {
}

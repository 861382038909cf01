package dev.gantry.runner.container;

import java.util.List;
import java.util.OptionalInt;

/**
 * A container that was created and started.
 *
 * @param id    the engine's id
 * @param name  the name it was created with
 * @param ports the ports published on the host, one per requested mapping, in request order
 */
public record StartedContainer(String id, String name, List<PublishedPort> ports) {

    public StartedContainer {
        ports = List.copyOf(ports);
    }

    /** The host port bound for {@code containerPort}/tcp, if it was published. */
    public OptionalInt hostPort(int containerPort) {
        return ports.stream()
                .filter(p -> p.containerPort() == containerPort && p.protocol().equals("tcp"))
                .mapToInt(PublishedPort::hostPort)
                .findFirst();
    }
}

package dev.gantry.runner.container;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Creating, starting, inspecting, reading the logs of and removing containers. Options map to the
 * Engine API's create call as {@code docker create} maps its flags (docs.docker.com "docker
 * container create"). Thread-safe.
 */
final class DockerContainers {

    private final DockerConnection docker;
    private final int maxLineBytes;

    DockerContainers(DockerConnection docker, int maxLineBytes) {
        this.docker = docker;
        this.maxLineBytes = maxLineBytes;
    }

    StartedContainer start(ContainerSpec spec) throws ContainerException {
        createMissingVolumes(spec);
        String id;
        try (CreateContainerCmd create = docker.control.createContainerCmd(spec.image())) {
            configure(create, spec);
            id = create.exec().getId();
        } catch (NotFoundException e) {
            throw new ContainerException("cannot create container '" + spec.name() + "': image '" + spec.image()
                    + "' is not present on the Docker engine (pull it first): " + DockerErrors.engineMessage(e), e);
        } catch (ConflictException e) {
            throw new ContainerException("cannot create container '" + spec.name() + "': the name is taken: "
                    + DockerErrors.engineMessage(e), e);
        } catch (RuntimeException e) {
            throw new ContainerException("cannot create container '" + spec.name() + "' from image '" + spec.image()
                    + "': " + DockerErrors.engineMessage(e), e);
        }
        try {
            docker.control.startContainerCmd(id).exec();
            return new StartedContainer(id, spec.name(), published(id, spec.ports()));
        } catch (RuntimeException | ContainerException e) {
            // A container that was created but cannot run is of no use and would be left behind.
            removeQuietly(id);
            throw new ContainerException("cannot start container '" + spec.name() + "' from image '" + spec.image()
                    + "': " + (e instanceof ContainerException ? e.getMessage() : DockerErrors.engineMessage(e)), e);
        }
    }

    private void configure(CreateContainerCmd create, ContainerSpec spec) throws ContainerException {
        create.withName(spec.name())
                .withLabels(spec.labels())
                .withEnv(spec.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        spec.entrypoint().ifPresent(e -> create.withEntrypoint(e.isEmpty() ? List.of("") : e));
        spec.cmd().ifPresent(create::withCmd);
        spec.workingDir().ifPresent(create::withWorkingDir);
        spec.user().ifPresent(create::withUser);
        spec.hostname().ifPresent(create::withHostName);
        spec.healthCheck().ifPresent(h -> create.withHealthcheck(healthCheck(h)));

        HostConfig host = HostConfig.newHostConfig();
        List<Bind> binds = new ArrayList<>();
        List<Volume> anonymous = new ArrayList<>();
        for (Mount mount : spec.mounts()) {
            if (mount.source().isEmpty()) {
                anonymous.add(new Volume(mount.target()));
            } else {
                binds.add(new Bind(mount.source(), new Volume(mount.target()), mount.readOnly() ? AccessMode.ro : AccessMode.rw));
            }
        }
        host.withBinds(binds);
        if (!anonymous.isEmpty()) {
            create.withVolumes(anonymous);
        }
        if (!spec.ports().isEmpty()) {
            Ports bindings = new Ports();
            List<ExposedPort> exposed = new ArrayList<>();
            for (PortMapping port : spec.ports()) {
                ExposedPort e = new ExposedPort(port.containerPort(), InternetProtocol.parse(port.protocol()));
                exposed.add(e);
                bindings.bind(e, port.hostPort().isPresent()
                        ? Ports.Binding.bindIpAndPort(port.hostIp(), port.hostPort().getAsInt())
                        : Ports.Binding.bindIp(port.hostIp()));
            }
            create.withExposedPorts(exposed);
            host.withPortBindings(bindings);
        }
        spec.network().ifPresent(network -> {
            host.withNetworkMode(network);
            if (!spec.aliases().isEmpty()) {
                create.withAliases(spec.aliases());
            }
        });
        Resources r = spec.resources();
        r.cpus().ifPresent(cpus -> host.withNanoCPUs(Math.round(cpus * 1e9)));
        r.memoryBytes().ifPresent(host::withMemory);
        if (r.privileged()) {
            host.withPrivileged(true);
        }
        if (!r.capAdd().isEmpty()) {
            host.withCapAdd(capabilities(r.capAdd()));
        }
        r.shmSizeBytes().ifPresent(host::withShmSize);
        if (!r.tmpfs().isEmpty()) {
            host.withTmpFs(r.tmpfs());
        }
        create.withHostConfig(host);
    }

    private static Capability[] capabilities(List<String> names) throws ContainerException {
        List<Capability> caps = new ArrayList<>();
        for (String name : names) {
            try {
                caps.add(Capability.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new ContainerException("unknown capability '" + name + "' in --cap-add", e);
            }
        }
        return caps.toArray(Capability[]::new);
    }

    private static com.github.dockerjava.api.model.HealthCheck healthCheck(HealthCheck h) {
        var check = new com.github.dockerjava.api.model.HealthCheck();
        if (!h.test().isEmpty()) {
            check.withTest(h.test());
        }
        h.interval().ifPresent(d -> check.withInterval(d.toNanos()));
        h.timeout().ifPresent(d -> check.withTimeout(d.toNanos()));
        h.retries().ifPresent(check::withRetries);
        h.startPeriod().ifPresent(d -> check.withStartPeriod(d.toNanos()));
        return check;
    }

    private void createMissingVolumes(ContainerSpec spec) throws ContainerException {
        for (Mount mount : spec.mounts()) {
            if (!mount.isNamedVolume()) {
                continue;
            }
            try {
                docker.control.inspectVolumeCmd(mount.source()).exec();
            } catch (NotFoundException missing) {
                try {
                    docker.control.createVolumeCmd().withName(mount.source())
                            .withLabels(Map.of(ContainerRuntime.RUN_LABEL, spec.runId())).exec();
                } catch (RuntimeException e) {
                    throw new ContainerException("cannot create volume '" + mount.source() + "': "
                            + DockerErrors.engineMessage(e), e);
                }
            } catch (RuntimeException e) {
                throw new ContainerException("cannot look up volume '" + mount.source() + "': "
                        + DockerErrors.engineMessage(e), e);
            }
        }
    }

    /** The host ports the engine bound, in the order of {@code requested}. */
    private List<PublishedPort> published(String id, List<PortMapping> requested) throws ContainerException {
        if (requested.isEmpty()) {
            return List.of();
        }
        Map<ExposedPort, Ports.Binding[]> bound = inspect(id).getNetworkSettings().getPorts().getBindings();
        List<PublishedPort> result = new ArrayList<>();
        for (PortMapping port : requested) {
            Ports.Binding[] bindings = bound.get(new ExposedPort(port.containerPort(), InternetProtocol.parse(port.protocol())));
            if (bindings == null || bindings.length == 0 || bindings[0].getHostPortSpec() == null) {
                throw new ContainerException("the engine did not publish port " + port.containerPort() + "/"
                        + port.protocol() + " of container " + id);
            }
            result.add(new PublishedPort(port.containerPort(), port.protocol(), bindings[0].getHostIp(),
                    Integer.parseInt(bindings[0].getHostPortSpec())));
        }
        return result;
    }

    InspectContainerResponse inspect(String container) throws ContainerException {
        try {
            return docker.control.inspectContainerCmd(container).exec();
        } catch (NotFoundException e) {
            throw new ContainerException("container '" + container + "' does not exist", e);
        } catch (RuntimeException e) {
            throw new ContainerException("cannot inspect container '" + container + "': "
                    + DockerErrors.engineMessage(e), e);
        }
    }

    List<String> logs(String container, int lines) throws ContainerException {
        LineSplitter out = new LineSplitter(maxLineBytes);
        LineSplitter err = new LineSplitter(maxLineBytes);
        List<String> collected = new ArrayList<>();
        try {
            docker.streams.logContainerCmd(container).withStdOut(true).withStdErr(true).withTail(lines)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            LineSplitter splitter = frame.getStreamType() == com.github.dockerjava.api.model.StreamType.STDERR ? err : out;
                            synchronized (collected) {
                                splitter.accept(frame.getPayload(), collected::add);
                            }
                        }
                    })
                    .awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerException("reading the logs of container '" + container + "' was interrupted", e);
        } catch (NotFoundException e) {
            throw new ContainerException("container '" + container + "' does not exist", e);
        } catch (RuntimeException e) {
            throw new ContainerException("cannot read the logs of container '" + container + "': "
                    + DockerErrors.engineMessage(e), e);
        }
        synchronized (collected) {
            out.finish(collected::add);
            err.finish(collected::add);
            return List.copyOf(collected.subList(Math.max(0, collected.size() - lines), collected.size()));
        }
    }

    void remove(String container) throws ContainerException {
        try {
            docker.control.removeContainerCmd(container).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            // Already gone: removal is idempotent.
        } catch (ConflictException e) {
            // "removal of container ... is already in progress": another caller is removing it.
            if (!DockerErrors.engineMessage(e).contains("already in progress")) {
                throw new ContainerException("cannot remove container '" + container + "': "
                        + DockerErrors.engineMessage(e), e);
            }
        } catch (RuntimeException e) {
            throw new ContainerException("cannot remove container '" + container + "': "
                    + DockerErrors.engineMessage(e), e);
        }
    }

    private void removeQuietly(String id) {
        try {
            remove(id);
        } catch (ContainerException ignored) {
            // cleanup(runId) removes it later by its label
        }
    }
}

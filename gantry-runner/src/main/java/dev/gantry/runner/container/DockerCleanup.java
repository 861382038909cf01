package dev.gantry.runner.container;

import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Networks of jobs, and removal of everything a run created, found by its {@link
 * ContainerRuntime#RUN_LABEL} label. Containers go first (a network with containers attached
 * cannot be removed), then networks, then volumes (a volume in use cannot be removed). Thread-safe.
 */
final class DockerCleanup {

    private final DockerConnection docker;
    private final DockerContainers containers;

    DockerCleanup(DockerConnection docker, DockerContainers containers) {
        this.docker = docker;
        this.containers = containers;
    }

    void createNetwork(String name, String runId) throws ContainerException {
        try {
            docker.control.createNetworkCmd().withName(name).withDriver("bridge").withCheckDuplicate(true)
                    .withLabels(Map.of(ContainerRuntime.RUN_LABEL, runId)).exec();
        } catch (RuntimeException e) {
            throw new ContainerException("cannot create network '" + name + "': " + DockerErrors.engineMessage(e), e);
        }
    }

    void removeNetwork(String name) throws ContainerException {
        try {
            docker.control.removeNetworkCmd(name).exec();
        } catch (NotFoundException e) {
            // Already gone: removal is idempotent.
        } catch (RuntimeException e) {
            throw new ContainerException("cannot remove network '" + name + "': " + DockerErrors.engineMessage(e), e);
        }
    }

    CleanupReport cleanup(String runId) {
        String label = ContainerRuntime.RUN_LABEL + "=" + runId;
        List<String> removedContainers = new ArrayList<>();
        List<String> removedNetworks = new ArrayList<>();
        List<String> removedVolumes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            for (Container c : docker.control.listContainersCmd().withShowAll(true).withLabelFilter(List.of(label)).exec()) {
                String name = c.getNames() != null && c.getNames().length > 0 ? c.getNames()[0].replaceFirst("^/", "") : c.getId();
                try {
                    containers.remove(c.getId());
                    removedContainers.add(name);
                } catch (ContainerException e) {
                    problems.add(e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            problems.add("cannot list the containers of run " + runId + ": " + DockerErrors.engineMessage(e));
        }
        try {
            for (Network n : docker.control.listNetworksCmd().withFilter("label", List.of(label)).exec()) {
                try {
                    removeNetwork(n.getId());
                    removedNetworks.add(n.getName());
                } catch (ContainerException e) {
                    problems.add(e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            problems.add("cannot list the networks of run " + runId + ": " + DockerErrors.engineMessage(e));
        }
        try {
            List<InspectVolumeResponse> volumes = docker.control.listVolumesCmd().withFilter("label", List.of(label))
                    .exec().getVolumes();
            for (InspectVolumeResponse v : volumes == null ? List.<InspectVolumeResponse>of() : volumes) {
                try {
                    docker.control.removeVolumeCmd(v.getName()).exec();
                    removedVolumes.add(v.getName());
                } catch (NotFoundException e) {
                    // Already gone.
                } catch (RuntimeException e) {
                    problems.add("cannot remove volume '" + v.getName() + "': " + DockerErrors.engineMessage(e));
                }
            }
        } catch (RuntimeException e) {
            problems.add("cannot list the volumes of run " + runId + ": " + DockerErrors.engineMessage(e));
        }
        return new CleanupReport(removedContainers, removedNetworks, removedVolumes, problems);
    }

    Set<String> runsWithLeftovers() throws ContainerException {
        Set<String> runs = new TreeSet<>();
        try {
            for (Container c : docker.control.listContainersCmd().withShowAll(true)
                    .withLabelFilter(List.of(ContainerRuntime.RUN_LABEL)).exec()) {
                addRun(runs, c.getLabels());
            }
            for (Network n : docker.control.listNetworksCmd().withFilter("label", List.of(ContainerRuntime.RUN_LABEL)).exec()) {
                addRun(runs, n.getLabels());
            }
            List<InspectVolumeResponse> volumes = docker.control.listVolumesCmd()
                    .withFilter("label", List.of(ContainerRuntime.RUN_LABEL)).exec().getVolumes();
            for (InspectVolumeResponse v : volumes == null ? List.<InspectVolumeResponse>of() : volumes) {
                addRun(runs, v.getLabels());
            }
        } catch (RuntimeException e) {
            throw new ContainerException("cannot list what earlier runs left: " + DockerErrors.engineMessage(e), e);
        }
        return runs;
    }

    private static void addRun(Set<String> runs, Map<String, String> labels) {
        String run = labels == null ? null : labels.get(ContainerRuntime.RUN_LABEL);
        if (run != null) {
            runs.add(run);
        }
    }
}

package dev.gantry.runner.container;

import java.util.List;

/**
 * What {@link ContainerRuntime#cleanup} removed and what it could not.
 *
 * @param containers names of the containers removed
 * @param networks   names of the networks removed
 * @param volumes    names of the volumes removed
 * @param problems   one sentence per object that could not be removed, or why nothing could be
 *                   listed (engine gone); empty when everything of the run is gone
 */
public record CleanupReport(List<String> containers, List<String> networks, List<String> volumes,
                            List<String> problems) {

    public CleanupReport {
        containers = List.copyOf(containers);
        networks = List.copyOf(networks);
        volumes = List.copyOf(volumes);
        problems = List.copyOf(problems);
    }

    /** True when nothing of the run is left behind as far as the engine said. */
    public boolean complete() {
        return problems.isEmpty();
    }
}

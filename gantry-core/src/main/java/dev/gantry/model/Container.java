package dev.gantry.model;

import dev.gantry.diag.SourceRange;
import java.util.List;

/**
 * An image to run in: a job container (GitHub {@code container:}, GitLab {@code image:}) or a
 * service (GitHub {@code services.<id>}, GitLab {@code services:}).
 *
 * @param image      the image reference as written (may hold expressions or variables)
 * @param alias      the service's network name: the GitHub service id, or GitLab's {@code alias}
 *                   (null: derived from the image name when the service starts)
 * @param entrypoint GitLab {@code entrypoint}, empty when not given
 * @param command    GitLab {@code command}, empty when not given
 * @param env        GitHub {@code env} or GitLab service {@code variables}
 * @param ports      GitHub {@code ports} as written ({@code 5432}, {@code 8080:80})
 * @param volumes    GitHub {@code volumes}
 * @param options    GitHub {@code options} (docker create flags), or null
 * @param pullPolicy GitLab {@code pull_policy} values, empty when not given
 * @param range      where the image is named
 */
public record Container(String image, String alias, List<String> entrypoint, List<String> command,
                        List<Variable> env, List<String> ports, List<String> volumes, String options,
                        List<String> pullPolicy, SourceRange range) {

    public Container {
        entrypoint = List.copyOf(entrypoint);
        command = List.copyOf(command);
        env = List.copyOf(env);
        ports = List.copyOf(ports);
        volumes = List.copyOf(volumes);
        pullPolicy = List.copyOf(pullPolicy);
    }

    /** An image with nothing else set. */
    public static Container image(String image, SourceRange range) {
        return new Container(image, null, List.of(), List.of(), List.of(), List.of(), List.of(), null, List.of(), range);
    }
}

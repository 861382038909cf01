package dev.gantry.runner.actions.docker;

import dev.gantry.runner.container.Mount;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The host folders a docker action's container sees, and where. GitHub's runner mounts the
 * workspace, a home folder, the folder of the event payload and the folder of the step's file
 * commands under {@code /github} and makes the workspace the working directory (docs.github.com
 * "Dockerfile support for GitHub Actions#WORKDIR": "GitHub will mount the GITHUB_WORKSPACE directory
 * on top of anything that was at that location in the Docker image and set GITHUB_WORKSPACE as the
 * working directory"; the other paths are those its "docker run" log line shows).
 *
 * @param workspace    the job's workspace, at {@value #WORKSPACE}
 * @param home         a folder for HOME, at {@value #HOME}, kept for the whole job
 * @param workflow     a folder holding the event payload as {@code event.json}, at {@value #WORKFLOW}
 * @param fileCommands the folder of the step's GITHUB_ENV, GITHUB_OUTPUT, GITHUB_PATH, GITHUB_STATE
 *                     and GITHUB_STEP_SUMMARY files, at {@value #FILE_COMMANDS}
 */
public record DockerStepFolders(Path workspace, Path home, Path workflow, Path fileCommands) {

    public static final String WORKSPACE = "/github/workspace";
    public static final String HOME = "/github/home";
    public static final String WORKFLOW = "/github/workflow";
    public static final String FILE_COMMANDS = "/github/file_commands";

    public DockerStepFolders {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(fileCommands, "fileCommands");
    }

    /** The bind mounts, read-write. */
    List<Mount> mounts() {
        return containerPaths().entrySet().stream()
                .map(e -> Mount.bind(e.getKey().toAbsolutePath().toString(), e.getValue())).toList();
    }

    /**
     * {@code env} with every value that is one of the folders, or a path below one, rewritten to the
     * path inside the container (GITHUB_WORKSPACE, GITHUB_OUTPUT, GITHUB_EVENT_PATH...), as the
     * runner translates the step's variables for a container; other values stay as they are.
     */
    Map<String, String> translate(Map<String, String> env) {
        Map<String, String> out = new LinkedHashMap<>();
        env.forEach((name, value) -> out.put(name, translate(value)));
        return out;
    }

    private String translate(String value) {
        for (Map.Entry<Path, String> e : containerPaths().entrySet()) {
            String host = e.getKey().toAbsolutePath().toString();
            if (value.equals(host)) {
                return e.getValue();
            }
            if (value.startsWith(host + "/")) {
                return e.getValue() + value.substring(host.length());
            }
        }
        return value;
    }

    private Map<Path, String> containerPaths() {
        Map<Path, String> paths = new LinkedHashMap<>();
        paths.put(workspace, WORKSPACE);
        paths.put(home, HOME);
        paths.put(workflow, WORKFLOW);
        paths.put(fileCommands, FILE_COMMANDS);
        return paths;
    }
}

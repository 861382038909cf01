package dev.gantry.runner.actions.artifact;

import dev.gantry.runner.actions.ActionContext;
import dev.gantry.runner.actions.ActionInputs;
import dev.gantry.runner.actions.ActionInputs.InputError;
import dev.gantry.runner.actions.ActionResult;
import dev.gantry.runner.actions.BuiltinAction;
import dev.gantry.runner.actions.glob.NameGlob;
import dev.gantry.runner.store.ArchiveStats;
import dev.gantry.runner.store.Artifact;
import dev.gantry.runner.store.ArtifactStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * actions/download-artifact (github.com/actions/download-artifact, README and action.yml; v4 and
 * later, v3 where it differs): downloads artifacts of this run into {@code path} (default the
 * workspace; {@code ~} is the home folder, a relative path is relative to the workspace).
 * <ul>
 *   <li>{@code name}: that artifact, its files directly in {@code path}; a name that does not exist
 *       fails the step, listing the run's artifacts.
 *   <li>{@code artifact-ids}: those artifacts (comma-separated ids, as upload-artifact's
 *       {@code artifact-id} output gives them).
 *   <li>Otherwise every artifact, or those whose name matches {@code pattern} (v4), each in
 *       {@code path/<name>}, or all together in {@code path} with {@code merge-multiple} (v4);
 *       from v5 on, a single match also goes directly to {@code path}.
 * </ul>
 * Output {@code download-path}. Artifacts of other runs or repositories ({@code github-token} with
 * another {@code run-id} or {@code repository}) do not exist locally: the step fails saying so
 * (without {@code github-token} those two inputs are ignored, as by the original).
 * {@code digest-mismatch} is checked for a valid value (the stored files are not re-hashed);
 * {@code skip-decompress} saves each artifact as a zip instead ({@link ArtifactZip}).
 */
public final class DownloadArtifact implements BuiltinAction {

    private final int major;

    /** @param major the major version the workflow names (see {@link dev.gantry.runner.actions.ActionVersion}) */
    public DownloadArtifact(int major) {
        this.major = major;
    }

    @Override
    public ActionResult main(ActionContext context) {
        ActionInputs in = new ActionInputs(context);
        try {
            String name = in.string("name", "");
            String ids = in.string("artifact-ids", "");
            String pattern = major >= 4 ? in.string("pattern", "") : "";
            boolean merge = major >= 4 && in.bool("merge-multiple", false);
            if (!name.isEmpty() && !ids.isEmpty()) {
                throw new InputError("Inputs 'name' and 'artifact-ids' cannot be used together. Please specify only one.");
            }
            Optional<String> other = otherRun(context, in);
            if (other.isPresent()) {
                return ActionResult.failure("Unable to download artifact(s): the artifacts of " + other.get()
                        + " are not available: gantry keeps only the artifacts of the run that uploaded them");
            }
            String digestMismatch = in.string("digest-mismatch", "error");
            if (!List.of("ignore", "info", "warn", "error").contains(digestMismatch)) {
                throw new InputError("Invalid value for 'digest-mismatch': '" + digestMismatch
                        + "'. Valid options are: ignore, info, warn, error");
            }
            boolean zipped = in.bool("skip-decompress", false);
            Path destination = context.workspace().resolve(ActionInputs.expandHome(
                    in.string("path", context.workspace().toString()), context.env())).normalize();
            ArtifactStore store = context.services().artifacts();

            List<Artifact> chosen;
            boolean single;
            if (!name.isEmpty()) {
                Optional<Artifact> found = store.find(name);
                if (found.isEmpty()) {
                    return ActionResult.failure("Unable to download artifact(s): Artifact not found for name: " + name
                            + " (this run has " + describe(store.list()) + ")");
                }
                chosen = List.of(found.get());
                single = true;
            } else if (!ids.isEmpty()) {
                chosen = byIds(context, store, ids);
                single = false;
            } else {
                chosen = new ArrayList<>(store.list());
                if (!pattern.isEmpty()) {
                    NameGlob glob = NameGlob.of(pattern);
                    chosen.removeIf(a -> !glob.matches(a.name()));
                    context.log("Filtering artifacts by pattern '" + pattern + "'");
                }
                single = false;
            }
            boolean direct = single || merge || (major >= 5 && chosen.size() == 1);
            for (Artifact artifact : chosen) {
                Path target = direct ? destination : destination.resolve(artifact.name());
                ArchiveStats stats = zipped ? ArtifactZip.save(store, artifact, target, context.temp())
                        : store.download(artifact, target);
                context.log("Artifact " + artifact.name() + " (" + stats.entries() + " files) downloaded to " + target
                        + (zipped ? " as " + artifact.name() + ".zip" : ""));
            }
            context.log("Total of " + chosen.size() + " artifact(s) downloaded");
            context.setOutput("download-path", destination.toString());
            return ActionResult.success();
        } catch (InputError e) {
            return ActionResult.failure(e.getMessage());
        } catch (IOException e) {
            return ActionResult.failure("the artifact could not be downloaded: " + e.getMessage());
        }
    }

    /**
     * The run other than this one that the inputs name, as "run N of owner/name" (README,
     * "Download Artifacts from other Workflow Runs or Repositories": {@code repository} and
     * {@code run-id} count only with a {@code github-token} (without one the original ignores
     * them and reads the current run), and default to the current ones).
     */
    static Optional<String> otherRun(ActionContext context, ActionInputs in) {
        if (in.string("github-token", "").isEmpty()) {
            return Optional.empty();
        }
        String ownRepository = String.valueOf(context.github().getOrDefault("repository", ""));
        String ownRun = String.valueOf(context.github().getOrDefault("run_id", ""));
        String repository = in.string("repository", ownRepository);
        String run = in.string("run-id", ownRun);
        if (repository.equalsIgnoreCase(ownRepository) && run.equals(ownRun)) {
            return Optional.empty();
        }
        return Optional.of("run " + run + " of " + repository);
    }

    private static List<Artifact> byIds(ActionContext context, ArtifactStore store, String ids) throws InputError {
        List<Artifact> chosen = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids.split(",")) {
            String trimmed = id.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!trimmed.matches("[0-9]{1,18}")) {
                throw new InputError("Invalid artifact ID: '" + trimmed + "'. Must be a number.");
            }
            store.list().stream().filter(a -> a.id() == Long.parseLong(trimmed)).findFirst()
                    .ifPresentOrElse(chosen::add, () -> missing.add(trimmed));
        }
        if (chosen.isEmpty()) {
            throw new InputError("None of the provided artifact IDs were found (this run has " + describe(store.list())
                    + ")");
        }
        if (!missing.isEmpty()) {
            context.warning("Could not find the following artifact IDs: " + String.join(", ", missing));
        }
        return chosen;
    }

    private static String describe(List<Artifact> artifacts) {
        if (artifacts.isEmpty()) {
            return "no artifacts";
        }
        List<String> names = new ArrayList<>();
        artifacts.forEach(a -> names.add("'" + a.name() + "' (id " + a.id() + ")"));
        return (artifacts.size() == 1 ? "the artifact " : "the artifacts ") + String.join(", ", names);
    }
}

package dev.gantry.runner.actions.artifact;

import dev.gantry.runner.actions.ActionContext;
import dev.gantry.runner.actions.ActionInputs;
import dev.gantry.runner.actions.ActionInputs.InputError;
import dev.gantry.runner.actions.ActionResult;
import dev.gantry.runner.actions.BuiltinAction;
import dev.gantry.runner.actions.glob.FileGlob;
import dev.gantry.runner.store.ArchiveItem;
import dev.gantry.runner.store.Artifact;
import dev.gantry.runner.store.ArtifactUpload;
import dev.gantry.runner.store.ArtifactUploadResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * actions/upload-artifact (github.com/actions/upload-artifact, README and action.yml; v4 and later,
 * v3 where it differs): uploads the files {@code path} matches as the artifact {@code name}
 * (default {@code artifact}).
 * <ul>
 *   <li>{@code path}: lines of patterns ({@link FileGlob}: globs, {@code ~}, {@code !} exclusions),
 *       relative to the workspace; links are followed; files whose name or folder starts with a dot
 *       are left out unless {@code include-hidden-files} (v4.4; v3 always includes them).
 *   <li>Layout ("Upload using Multiple Paths and Exclusions"): with one search path, files are named
 *       relative to it (a single file named exactly: by its name); with several, relative to their
 *       least common ancestor.
 *   <li>{@code if-no-files-found}: {@code warn} (default), {@code error} or {@code ignore}.
 *   <li>{@code retention-days} is recorded; {@code compression-level} must be 0 to 9, as in the
 *       original, and has no effect (nothing is compressed here).
 *   <li>A name that exists already fails the step unless {@code overwrite} (v4); v3 adds the files to it.
 *   <li>{@code archive: false} (v7, action.yml): a single file, uploaded as the artifact named after
 *       it ({@code name} is ignored); several files fail the step.
 * </ul>
 * Outputs {@code artifact-id}, {@code artifact-url}, {@code artifact-digest}.
 */
public final class UploadArtifact implements BuiltinAction {

    /** Characters the artifact service refuses in names. */
    static final String INVALID_NAME_CHARACTERS = "\":<>|*?\r\n\\/";

    private final int major;

    /** @param major the major version the workflow names (see {@link dev.gantry.runner.actions.ActionVersion}) */
    public UploadArtifact(int major) {
        this.major = major;
    }

    @Override
    public ActionResult main(ActionContext context) {
        ActionInputs in = new ActionInputs(context);
        try {
            String name = in.string("name", "artifact");
            String invalid = invalidCharacters(name);
            if (!invalid.isEmpty()) {
                return ActionResult.failure("The artifact name is not valid: " + name
                        + ". Contains the following character: " + invalid);
            }
            List<String> paths = in.lines("path");
            if (paths.isEmpty()) {
                throw new InputError("Input required and not supplied: path");
            }
            String ifNoFiles = in.string("if-no-files-found", "warn").toLowerCase(Locale.ROOT);
            if (!List.of("warn", "error", "ignore").contains(ifNoFiles)) {
                throw new InputError("Unrecognized if-no-files-found input. Provided: " + ifNoFiles
                        + ". Available options: warn,error,ignore");
            }
            int retention = in.integer("retention-days", 0);
            if (retention < 0) {
                throw new InputError("retention-days must be a positive number of days, not " + retention);
            }
            compressionLevel(in);
            boolean archive = in.bool("archive", true);
            boolean overwrite = in.bool("overwrite", false);
            boolean hidden = major <= 3 || in.bool("include-hidden-files", false);

            FileGlob glob = FileGlob.of(paths, context.workspace(), ActionInputs.home(context.env()));
            List<Path> files = new ArrayList<>();
            for (FileGlob.Match m : glob.find(new FileGlob.Options(true, true, !hidden))) {
                if (!m.directory()) {
                    files.add(m.path());
                }
            }
            if (files.isEmpty()) {
                String message = "No files were found with the provided path: " + String.join("\n", paths)
                        + ". No artifacts will be uploaded.";
                return switch (ifNoFiles) {
                    case "error" -> ActionResult.failure(message);
                    case "warn" -> {
                        context.warning(message);
                        yield ActionResult.success();
                    }
                    default -> {
                        context.log(message);
                        yield ActionResult.success();
                    }
                };
            }
            context.log("With the provided path, there will be " + files.size() + " file" + (files.size() == 1 ? "" : "s")
                    + " uploaded");
            if (!archive) {
                if (files.size() > 1) {
                    return ActionResult.failure("When 'archive' is set to false, only a single file can be uploaded."
                            + " Found " + files.size() + " files to upload.");
                }
                name = files.getFirst().getFileName().toString();
            }
            Path root = root(glob.searchPaths(), files);
            List<ArchiveItem> items = new ArrayList<>();
            Set<String> lowerCase = new HashSet<>();
            for (Path file : files) {
                String relative = root.relativize(file).toString();
                if (!lowerCase.add(relative.toLowerCase(Locale.ROOT))) {
                    context.log("Uploads are case insensitive: " + file + " was detected that it will be overwritten"
                            + " by another file with the same path");
                }
                items.add(new ArchiveItem(relative, file));
            }
            ArtifactUpload.Existing existing = major <= 3 ? ArtifactUpload.Existing.MERGE
                    : overwrite ? ArtifactUpload.Existing.REPLACE : ArtifactUpload.Existing.FAIL;
            ArtifactUploadResult result = context.services().artifacts()
                    .upload(new ArtifactUpload(name, items, retention, existing));
            if (result instanceof ArtifactUploadResult.Exists) {
                return ActionResult.failure("Failed to CreateArtifact: an artifact with the name '" + name
                        + "' already exists on the workflow run (set overwrite: true to replace it)");
            }
            Artifact artifact = ((ArtifactUploadResult.Uploaded) result).artifact();
            context.log("Artifact " + name + " has been successfully uploaded! Final size is " + artifact.size()
                    + " bytes. Artifact ID is " + artifact.id());
            context.setOutput("artifact-id", Long.toString(artifact.id()));
            context.setOutput("artifact-url", url(context, artifact));
            context.setOutput("artifact-digest", artifact.digest());
            context.notice("artifact", "uploaded '" + name + "': " + artifact.files() + " file"
                    + (artifact.files() == 1 ? "" : "s") + ", " + artifact.size() + " bytes"
                    + (retention > 0 ? ", retention " + retention + " days" : ""));
            return ActionResult.success();
        } catch (InputError e) {
            return ActionResult.failure(e.getMessage());
        } catch (IOException e) {
            return ActionResult.failure("the artifact could not be uploaded: " + e.getMessage());
        }
    }

    /**
     * The folder file names are relative to: the least common ancestor of several search paths; the
     * parent of a single file named exactly; else the one search path.
     */
    static Path root(List<Path> searchPaths, List<Path> files) {
        if (searchPaths.size() > 1) {
            Path common = searchPaths.getFirst();
            for (Path p : searchPaths) {
                while (!p.startsWith(common)) {
                    common = common.getParent();
                }
            }
            return common;
        }
        Path search = searchPaths.getFirst();
        if (files.size() == 1 && files.getFirst().equals(search)) {
            return search.getParent();
        }
        return search;
    }

    /**
     * Checks {@code compression-level} (README, "Inputs": 0 to 9, default 6). Nothing is compressed
     * here, so a valid level has no effect.
     */
    private static void compressionLevel(ActionInputs in) throws InputError {
        String level = in.string("compression-level", "6");
        if (!level.matches("-?[0-9]{1,9}")) {
            throw new InputError("Invalid compression-level");
        }
        int value = Integer.parseInt(level);
        if (value < 0 || value > 9) {
            throw new InputError("Invalid compression-level. Valid values are 0-9");
        }
    }

    static String invalidCharacters(String name) {
        StringBuilder found = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (INVALID_NAME_CHARACTERS.indexOf(c) >= 0 && found.indexOf(String.valueOf(c)) < 0) {
                found.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : String.valueOf(c));
            }
        }
        return found.toString();
    }

    private static String url(ActionContext context, Artifact artifact) {
        var github = context.github();
        return github.getOrDefault("server_url", "https://github.com") + "/" + github.getOrDefault("repository", "")
                + "/actions/runs/" + github.getOrDefault("run_id", "") + "/artifacts/" + artifact.id();
    }
}

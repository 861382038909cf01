package dev.gantry.runner.github;

import dev.gantry.diag.Diagnostic;
import dev.gantry.diag.Diagnostics;
import dev.gantry.diag.Severity;
import dev.gantry.github.ActionMetadataParser;
import dev.gantry.github.action.ActionMetadata;
import dev.gantry.github.action.ActionRef;
import dev.gantry.runner.actions.remote.ActionFetchException;
import dev.gantry.runner.actions.remote.ActionRepositories;
import dev.gantry.runner.workspace.WorkspaceResult;
import dev.gantry.yaml.YamlLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds an action's files and reads its metadata ("Metadata syntax for GitHub Actions": the file is
 * {@code action.yml}, else {@code action.yaml}). A local action ({@code ./path}) is a folder of the
 * workspace, so it exists only once a step checked the repository out; a self repository action
 * ({@code $/path}) is a folder of the workflow's own repository ({@link SelfRepository}), with no
 * checkout needed; a repository's action comes from {@link ActionRepositories}. Metadata with errors is not run: each error is shown with its
 * {@code file:line:col}.
 */
final class ActionLoader {

    private final Path workspace;
    private final ActionRepositories repositories;
    private final SelfRepository self;

    ActionLoader(Path workspace, ActionRepositories repositories, SelfRepository self) {
        this.workspace = workspace;
        this.repositories = repositories;
        this.self = self;
    }

    /** A loaded action, or the lines that say why it could not be loaded. */
    sealed interface Result {
    }

    record Loaded(LoadedAction action) implements Result {
    }

    record Failed(List<String> lines) implements Result {
        Failed(String line) {
            this(List.of(line));
        }
    }

    Result load(ActionRef ref) {
        Path folder;
        String shown;
        switch (ref) {
            case ActionRef.Local local -> {
                folder = workspace.resolve(local.path()).normalize();
                shown = workspace.relativize(folder).toString();
            }
            case ActionRef.Self own -> {
                switch (self.root()) {
                    case WorkspaceResult.Failed failed -> {
                        return new Failed("cannot read the repository for " + own.text() + ": " + failed.message());
                    }
                    case WorkspaceResult.Prepared prepared -> folder = prepared.root().resolve(own.path()).normalize();
                }
                shown = own.text();
            }
            case ActionRef.Remote remote -> {
                try {
                    Path root = repositories.checkout(remote.owner(), remote.repo(), remote.ref());
                    folder = remote.path().isEmpty() ? root : root.resolve(remote.path()).normalize();
                } catch (ActionFetchException e) {
                    return new Failed(e.getMessage());
                }
                shown = remote.repository() + "@" + remote.ref() + (remote.path().isEmpty() ? "" : "/" + remote.path());
            }
            case ActionRef.DockerImage image -> {
                return new Failed("'" + image.text() + "' has no metadata to load");
            }
        }
        Optional<Path> file = metadataFile(folder);
        if (file.isEmpty()) {
            return new Failed("cannot find action.yml or action.yaml in " + (shown.isEmpty() ? "." : shown)
                    + (ref instanceof ActionRef.Local ? " of the workspace; did a step check the repository out"
                    + " (actions/checkout) before this one?" : ""));
        }
        String display = (shown.isEmpty() ? "" : shown + "/") + file.get().getFileName();
        Diagnostics diagnostics = new Diagnostics();
        ActionMetadata metadata;
        try {
            metadata = YamlLoader.load(display, Files.readString(file.get(), StandardCharsets.UTF_8), diagnostics)
                    .map(root -> ActionMetadataParser.parse(root, diagnostics)).orElse(null);
        } catch (IOException e) {
            return new Failed("cannot read " + display + ": " + e.getMessage());
        }
        List<String> errors = diagnostics.sorted().stream().filter(d -> d.severity() == Severity.ERROR)
                .map(Diagnostic::format).toList();
        if (!errors.isEmpty() || metadata == null) {
            return new Failed(errors.isEmpty() ? List.of(display + " is empty") : errors);
        }
        return new Loaded(new LoadedAction(ref, folder, metadata));
    }

    private static Optional<Path> metadataFile(Path folder) {
        for (String name : List.of("action.yml", "action.yaml")) {
            if (Files.isRegularFile(folder.resolve(name))) {
                return Optional.of(folder.resolve(name));
            }
        }
        return Optional.empty();
    }
}

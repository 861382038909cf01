package dev.gantry.runner.reusable;

import dev.gantry.load.DirectorySourceFiles;
import dev.gantry.load.SourceFiles;
import dev.gantry.reusable.WorkflowRef;
import dev.gantry.reusable.WorkflowSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The workflow files a run calls: local ones ({@code ./.github/workflows/x.yml}) from the
 * repository's folder, as the workflow that calls them was read, and remote ones
 * ({@code owner/repo/.github/workflows/x.yml@ref}) through {@link RemoteWorkflowFiles}.
 */
public final class RepositoryWorkflows implements WorkflowSource {

    private final SourceFiles repository;
    private final RemoteWorkflowFiles remote;

    /**
     * @param repository the repository root
     * @param remote     where remote workflows come from, or null to leave remote calls unchecked
     *                   (lint reads no remote workflow)
     */
    public RepositoryWorkflows(Path repository, RemoteWorkflowFiles remote) {
        this(new DirectorySourceFiles(repository), remote);
    }

    /**
     * @param repository the repository's files, for example those of a committed revision ({@code --ref})
     * @param remote     where remote workflows come from, or null to leave remote calls unchecked
     */
    public RepositoryWorkflows(SourceFiles repository, RemoteWorkflowFiles remote) {
        this.repository = repository;
        this.remote = remote;
    }

    @Override
    public Optional<String> read(WorkflowRef workflow) throws Unavailable {
        if (!workflow.remote()) {
            return Optional.of(repository.read(workflow.path())
                    .orElseThrow(() -> new Unavailable("the repository has no file '" + workflow.path() + "'")));
        }
        if (remote == null) {
            return Optional.empty();
        }
        Path file = remote.workflowFile(workflow.owner(), workflow.repositoryName(), workflow.path(), workflow.ref());
        if (!Files.isRegularFile(file)) {
            throw new Unavailable(workflow.repository() + " has no file '" + workflow.path() + "' at '" + workflow.ref() + "'");
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Unavailable("cannot read " + file + ": " + e.getMessage());
        }
    }
}

package dev.gantry.cli;

import dev.gantry.diag.Diagnostic;
import dev.gantry.diag.SourceRange;
import dev.gantry.load.DirectorySourceFiles;
import dev.gantry.load.SourceFiles;
import dev.gantry.model.GithubJob;
import dev.gantry.model.Pipeline;
import dev.gantry.reusable.CallTree;
import dev.gantry.reusable.WorkflowRef;
import dev.gantry.reusable.WorkflowSource;
import dev.gantry.runner.actions.remote.ActionFetchException;
import dev.gantry.runner.actions.remote.ActionRepositories;
import dev.gantry.runner.reusable.RemoteWorkflowFiles;
import dev.gantry.runner.reusable.RepositoryWorkflows;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the reusable workflows a GitHub workflow calls ({@link CallTree}) for {@code gantry run}
 * and {@code gantry lint}, and names the files of its diagnostics as the user sees them.
 */
final class ReusableWorkflowCheck {

    /**
     * Remote workflows read from the repositories the action fetcher brings (cloned once, cached,
     * {@code --offline} and {@code --action-source} honoured).
     */
    static RemoteWorkflowFiles fetchedBy(ActionRepositories repositories) {
        return (owner, repo, path, ref) -> {
            Path root;
            try {
                root = repositories.checkout(owner, repo, ref);
            } catch (ActionFetchException e) {
                throw new WorkflowSource.Unavailable(e.getMessage());
            }
            Path file = root.resolve(path).normalize();
            if (!file.startsWith(root)) {
                throw new WorkflowSource.Unavailable("'" + path + "' leaves the repository " + owner + "/" + repo);
            }
            return file;
        };
    }

    private ReusableWorkflowCheck() {
    }

    /**
     * The call tree of a workflow; empty at once when no job calls a workflow.
     *
     * @param repository   the repository root
     * @param workflowFile the workflow, repository-relative
     * @param remote       where remote workflows come from, or null to leave them unchecked (lint)
     */
    static CallTree resolve(Pipeline workflow, Path repository, String workflowFile, RemoteWorkflowFiles remote) {
        return resolve(workflow, new DirectorySourceFiles(repository), workflowFile, remote);
    }

    /** As above, with the repository's files from {@code files} (a committed revision's, for {@code --ref}). */
    static CallTree resolve(Pipeline workflow, SourceFiles files, String workflowFile, RemoteWorkflowFiles remote) {
        boolean calls = workflow.jobs().stream().anyMatch(j -> j.details() instanceof GithubJob g && g.uses() != null);
        return calls ? CallTree.resolve(WorkflowRef.local(workflowFile), new RepositoryWorkflows(files, remote))
                : CallTree.empty();
    }

    /** The tree's diagnostics with local files named relative to the current directory, as the loader names them. */
    static List<Diagnostic> diagnostics(CallTree tree, Workspace workspace, Path repository) {
        return tree.diagnostics().stream().map(d -> {
            String file = d.range().file();
            String shown = file.contains("@") ? file : workspace.display(repository, file);
            return new Diagnostic(d.severity(), new SourceRange(shown, d.range().line(), d.range().column(),
                    d.range().endLine(), d.range().endColumn()), d.message(), d.rule());
        }).toList();
    }
}

package dev.gantry.runner.reusable;

import dev.gantry.reusable.WorkflowSource;
import java.nio.file.Path;

/**
 * A workflow file of another repository at a ref, as {@code OWNER/REPO/PATH@REF} names it. The
 * implementation fetches (or finds in its cache) a checkout of the repository; this port only asks
 * for one file of it. Called once per remote workflow, before the run starts, from one thread.
 */
@FunctionalInterface
public interface RemoteWorkflowFiles {

    /**
     * @param owner the repository's owner
     * @param repo  the repository's name
     * @param path  the file's path inside the repository, for example {@code .github/workflows/build.yml}
     * @param ref   a tag, branch or commit SHA
     * @return the file on this machine (it may not exist when the repository has no such file)
     * @throws WorkflowSource.Unavailable when the repository or ref cannot be had; the message says why
     */
    Path workflowFile(String owner, String repo, String path, String ref) throws WorkflowSource.Unavailable;
}

package dev.gantry.reusable;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A workflow file, as a caller job's {@code uses} names it ("Reuse workflows#Calling a reusable
 * workflow"): {@code ./.github/workflows/FILE.yml} (or, with the self repository reference,
 * {@code $/.github/workflows/FILE.yml}: "Workflow syntax for GitHub Actions#jobs.&lt;job_id&gt;.uses") in
 * the same repository, or
 * {@code OWNER/REPO/.github/workflows/FILE.yml@REF} in another. A local reference inside a remote
 * workflow names a file of that remote repository at the same ref, since "the called workflow is
 * from the same commit as the caller workflow".
 *
 * @param repository {@code owner/repo}, or null for the repository of the run
 * @param path       the file's path inside its repository, for example {@code .github/workflows/build.yml}
 * @param ref        the tag, branch or SHA of a remote workflow; null for the repository of the run
 */
public record WorkflowRef(String repository, String path, String ref) {

    private static final Pattern LOCAL = Pattern.compile("(?:\\./|\\$/)(\\.github/workflows/[^/@\\s]+\\.ya?ml)");
    private static final Pattern REMOTE = Pattern.compile(
            "([^/@\\s]+/[^/@\\s]+)/(\\.github/workflows/[^/@\\s]+\\.ya?ml)@([^@\\s]+)");

    /** A file of the run's own repository, by its repository-relative path. */
    public static WorkflowRef local(String path) {
        return new WorkflowRef(null, path, null);
    }

    /**
     * The workflow a caller job's {@code uses} names.
     *
     * @param uses the value as written
     * @param from the workflow that holds the caller job
     * @return empty when the value has neither form (the front end reports that)
     */
    public static Optional<WorkflowRef> parse(String uses, WorkflowRef from) {
        Matcher local = LOCAL.matcher(uses);
        if (local.matches()) {
            return Optional.of(new WorkflowRef(from.repository, local.group(1), from.ref));
        }
        Matcher remote = REMOTE.matcher(uses);
        if (remote.matches()) {
            return Optional.of(new WorkflowRef(remote.group(1), remote.group(2), remote.group(3)));
        }
        return Optional.empty();
    }

    /** True for a workflow of another repository. */
    public boolean remote() {
        return repository != null;
    }

    /** The repository's owner; only for a remote workflow. */
    public String owner() {
        return repository.substring(0, repository.indexOf('/'));
    }

    /** The repository's name without its owner; only for a remote workflow. */
    public String repositoryName() {
        return repository.substring(repository.indexOf('/') + 1);
    }

    /** How messages name it: the path for a local file, {@code owner/repo/path@ref} for a remote one. */
    public String display() {
        return remote() ? repository + "/" + path + "@" + ref : path;
    }

    @Override
    public String toString() {
        return display();
    }
}

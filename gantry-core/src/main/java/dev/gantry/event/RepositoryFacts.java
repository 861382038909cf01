package dev.gantry.event;

import java.time.Instant;

/**
 * What a run knows about the repository and the commit it runs, read from the local git
 * repository by the runner (or received from a webhook by the server). Both formats build their
 * contexts and predefined variables from it.
 *
 * @param sha           the full commit SHA (40 hex digits); all zeros when the folder is not a git repository
 * @param beforeSha     the parent commit (a push's "before"), or 40 zeros when there is none
 * @param ref           the full ref, {@code refs/heads/<branch>} or {@code refs/tags/<tag>}
 * @param defaultBranch the repository's default branch name (for example {@code main})
 * @param owner         the repository owner (from the remote URL, else the user name)
 * @param name          the repository name (from the remote URL, else the folder name)
 * @param remoteUrl     the {@code origin} URL, or null
 * @param actor         who triggers the run (git {@code user.name}, else the OS user)
 * @param message       the full commit message
 * @param authorName    the commit author's name
 * @param authorEmail   the commit author's email
 * @param timestamp     the commit time
 * @param newOnOrigin   whether pushing the branch now would create it on {@code origin}: the
 *                      repository has that remote and no {@code refs/remotes/origin/BRANCH}; false
 *                      for a tag, without a remote (nothing tells then) and outside a repository
 */
public record RepositoryFacts(String sha, String beforeSha, String ref, String defaultBranch, String owner,
                              String name, String remoteUrl, String actor, String message, String authorName,
                              String authorEmail, Instant timestamp, boolean newOnOrigin) {

    public static final String ZERO_SHA = "0".repeat(40);

    /** Facts of a branch {@code origin} already has, or of a repository without a remote. */
    public RepositoryFacts(String sha, String beforeSha, String ref, String defaultBranch, String owner, String name,
                           String remoteUrl, String actor, String message, String authorName, String authorEmail,
                           Instant timestamp) {
        this(sha, beforeSha, ref, defaultBranch, owner, name, remoteUrl, actor, message, authorName, authorEmail,
                timestamp, false);
    }

    /** {@code owner/name}. */
    public String fullName() {
        return owner + "/" + name;
    }

    /** True when {@link #ref()} names a tag. */
    public boolean isTag() {
        return ref.startsWith("refs/tags/");
    }

    /** The branch or tag name without its {@code refs/...} prefix. */
    public String refName() {
        if (ref.startsWith("refs/heads/")) {
            return ref.substring("refs/heads/".length());
        }
        if (ref.startsWith("refs/tags/")) {
            return ref.substring("refs/tags/".length());
        }
        return ref;
    }

    /** The first line of the commit message. */
    public String title() {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}

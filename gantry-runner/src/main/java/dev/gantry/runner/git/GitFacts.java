package dev.gantry.runner.git;

import dev.gantry.event.RepositoryFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * Reads {@link RepositoryFacts} and changed files from a local git repository with JGit (no
 * {@code git} process). A folder that is not in a git repository still gets facts: zero SHAs, the
 * branch {@code main} and the folder's name, so a plain directory can be run too.
 */
public final class GitFacts {

    private GitFacts() {
    }

    /**
     * @param dir any folder inside the work tree
     * @param env the environment (for the actor: {@code USER}); never read from System here
     * @return the facts of HEAD
     * @throws IOException when the repository exists but cannot be read
     */
    public static RepositoryFacts read(Path dir, java.util.Map<String, String> env) throws IOException {
        return read(dir, env, null);
    }

    /**
     * The facts of a committed revision ({@code gantry run --ref}): its SHA, its parent as
     * {@code before}, its message and author; the ref is {@code refs/heads/REV} or
     * {@code refs/tags/REV} when the revision names a branch or tag (or a full ref name), else the
     * current branch's.
     *
     * @param revision a revision as git reads it (branch, tag, SHA, {@code HEAD~2}), or null for HEAD
     * @throws IOException when the revision names no commit ("no commit 'REV' in REPO"), or the
     *                     repository cannot be read
     */
    public static RepositoryFacts read(Path dir, java.util.Map<String, String> env, String revision)
            throws IOException {
        String actor = env.getOrDefault("USER", "gantry");
        Optional<Repository> opened = open(dir);
        if (opened.isEmpty()) {
            Path abs = dir.toAbsolutePath().normalize();
            String name = abs.getFileName() == null ? "repository" : abs.getFileName().toString();
            return new RepositoryFacts(RepositoryFacts.ZERO_SHA, RepositoryFacts.ZERO_SHA, "refs/heads/main", "main",
                    actor, name, null, actor, "", actor, actor + "@localhost", Instant.EPOCH);
        }
        try (Repository repo = opened.get(); RevWalk walk = new RevWalk(repo)) {
            String remoteUrl = repo.getConfig().getString("remote", "origin", "url");
            String[] ownerName = ownerAndName(remoteUrl, repo.getWorkTree().toPath());
            String defaultBranch = defaultBranch(repo);
            ObjectId head;
            try {
                head = repo.resolve(revision == null ? Constants.HEAD : revision + "^{commit}");
            } catch (RevisionSyntaxException e) {
                head = null;
            }
            if (head == null && revision != null) {
                throw new IOException("no commit '" + revision + "' in " + repo.getWorkTree());
            }
            if (head == null) { // a repository without commits
                return new RepositoryFacts(RepositoryFacts.ZERO_SHA, RepositoryFacts.ZERO_SHA,
                        "refs/heads/" + defaultBranch, defaultBranch, ownerName[0], ownerName[1], remoteUrl, actor, "",
                        actor, actor + "@localhost", Instant.EPOCH);
            }
            RevCommit commit = walk.parseCommit(head);
            String before = commit.getParentCount() > 0 ? commit.getParent(0).name() : RepositoryFacts.ZERO_SHA;
            String ref = revision == null ? currentRef(repo, head, defaultBranch) : namedRef(repo, revision)
                    .orElse(currentRef(repo, repo.resolve(Constants.HEAD), defaultBranch));
            boolean newOnOrigin = remoteUrl != null && ref.startsWith(Constants.R_HEADS)
                    && repo.exactRef(Constants.R_REMOTES + "origin/" + ref.substring(Constants.R_HEADS.length())) == null;
            return new RepositoryFacts(commit.name(), before, ref, defaultBranch,
                    ownerName[0], ownerName[1], remoteUrl, actor, commit.getFullMessage().stripTrailing(),
                    commit.getAuthorIdent().getName(), commit.getAuthorIdent().getEmailAddress(),
                    commit.getAuthorIdent().getWhenAsInstant(), newOnOrigin);
        }
    }

    /**
     * The paths changed between {@code ref} and {@code to} (GitLab's {@code rules:changes:compare_to}),
     * as {@link #changedFiles}; empty when {@code ref} names no commit.
     *
     * @param ref a branch, tag or commit, as git reads it
     */
    public static Optional<List<String>> changedSince(Path dir, String ref, String to) throws IOException {
        Optional<Repository> opened = open(dir);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        ObjectId from;
        try (Repository repo = opened.get()) {
            from = repo.resolve(ref + "^{commit}");
        } catch (RevisionSyntaxException e) {
            from = null;
        }
        return from == null ? Optional.empty() : Optional.of(changedFiles(dir, from.name(), to));
    }

    /**
     * The paths a merge request of {@code to} into the branch {@code target} changes: those changed
     * between their merge base and {@code to}, as {@link #changedFiles} gives them. Empty when the
     * target names no branch or has no merge base with {@code to}, or when {@code to} is already in
     * the target (nothing to compare: the branch is the target).
     *
     * @param target the target branch's short name, such as {@code main}
     * @param to     the merge request's commit (SHA or revision)
     */
    public static Optional<List<String>> changedForMergeRequest(Path dir, String target, String to)
            throws IOException {
        Optional<Repository> opened = open(dir);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        String base;
        try (Repository repo = opened.get(); RevWalk walk = new RevWalk(repo)) {
            Ref targetRef = repo.exactRef(Constants.R_HEADS + target);
            if (targetRef == null) {
                targetRef = repo.exactRef(Constants.R_REMOTES + "origin/" + target);
            }
            ObjectId head = repo.resolve(to);
            if (targetRef == null || head == null) {
                return Optional.empty();
            }
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(targetRef.getObjectId()));
            walk.markStart(walk.parseCommit(head));
            RevCommit mergeBase = walk.next();
            if (mergeBase == null || mergeBase.equals(head)) {
                return Optional.empty();
            }
            base = mergeBase.name();
        }
        return Optional.of(changedFiles(dir, base, to));
    }

    /**
     * The message of the tag {@code name}: an annotated tag's message without its final line break,
     * "" for a lightweight tag, null when the repository has no such tag.
     */
    public static String tagMessage(Path dir, String name) throws IOException {
        Optional<Repository> opened = open(dir);
        if (opened.isEmpty()) {
            return null;
        }
        try (Repository repo = opened.get(); RevWalk walk = new RevWalk(repo)) {
            Ref ref = repo.exactRef(Constants.R_TAGS + name);
            if (ref == null) {
                return null;
            }
            return walk.parseAny(ref.getObjectId()) instanceof RevTag tag ? tag.getFullMessage().stripTrailing() : "";
        }
    }

    /**
     * The paths changed between two commits (added, modified, deleted, both sides of a rename),
     * relative to {@code dir} with {@code /}: for a project in a subfolder of its repository, only
     * the files inside that folder, as the project sees them.
     *
     * @param from a commit SHA or revision; zeros or null mean "the parent of {@code to}"
     * @param to   a commit SHA or revision (for example {@code HEAD})
     */
    public static List<String> changedFiles(Path dir, String from, String to) throws IOException {
        if (to == null || to.equals(RepositoryFacts.ZERO_SHA)) {
            return List.of(); // a repository without commits: nothing changed
        }
        Optional<Repository> opened = open(dir);
        if (opened.isEmpty()) {
            return List.of();
        }
        try (Repository repo = opened.get(); RevWalk walk = new RevWalk(repo);
             DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            ObjectId toId = repo.resolve(to);
            if (toId == null) {
                return List.of();
            }
            RevCommit toCommit = walk.parseCommit(toId);
            ObjectId fromTree = null;
            if (from != null && !from.equals(RepositoryFacts.ZERO_SHA) && repo.resolve(from) != null) {
                fromTree = walk.parseCommit(repo.resolve(from)).getTree();
            } else if (toCommit.getParentCount() > 0) {
                fromTree = walk.parseCommit(toCommit.getParent(0)).getTree();
            }
            diff.setRepository(repo);
            diff.setDetectRenames(true);
            List<String> paths = new ArrayList<>();
            for (DiffEntry e : diff.scan(fromTree, toCommit.getTree())) {
                if (!e.getOldPath().equals(DiffEntry.DEV_NULL)) {
                    paths.add(e.getOldPath());
                }
                if (!e.getNewPath().equals(DiffEntry.DEV_NULL) && !e.getNewPath().equals(e.getOldPath())) {
                    paths.add(e.getNewPath());
                }
            }
            String prefix = prefix(repo, dir);
            return paths.stream().filter(p -> p.startsWith(prefix)).map(p -> p.substring(prefix.length()))
                    .distinct().sorted().toList();
        }
    }

    /** {@code sub/dir/} when {@code dir} is below the work tree's root, else "". */
    private static String prefix(Repository repo, Path dir) throws IOException {
        Path tree = repo.getWorkTree().toPath().toRealPath();
        Path project = dir.toRealPath();
        return tree.equals(project) || !project.startsWith(tree) ? ""
                : tree.relativize(project).toString().replace('\\', '/') + "/";
    }

    private static Optional<Repository> open(Path dir) throws IOException {
        JGitSettings.apply();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(dir.toFile());
        if (builder.getGitDir() == null || !Files.isDirectory(builder.getGitDir().toPath())) {
            return Optional.empty();
        }
        return Optional.of(builder.build());
    }

    /** The full name of the branch or tag {@code revision} names, if it names one. */
    private static Optional<String> namedRef(Repository repo, String revision) throws IOException {
        for (String candidate : List.of(revision, Constants.R_HEADS + revision, Constants.R_TAGS + revision)) {
            if (candidate.startsWith(Constants.R_REFS) && repo.exactRef(candidate) != null) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String currentRef(Repository repo, ObjectId head, String defaultBranch) throws IOException {
        String full = repo.getFullBranch();
        if (full != null && full.startsWith(Constants.R_HEADS)) {
            return full;
        }
        for (Ref tag : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
            Ref peeled = repo.getRefDatabase().peel(tag);
            ObjectId target = peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : peeled.getObjectId();
            if (head.equals(target)) {
                return tag.getName();
            }
        }
        return Constants.R_HEADS + defaultBranch; // detached HEAD with no tag: treat as the default branch
    }

    private static String defaultBranch(Repository repo) throws IOException {
        Ref originHead = repo.exactRef("refs/remotes/origin/HEAD");
        if (originHead != null && originHead.isSymbolic()) {
            return Repository.shortenRefName(originHead.getTarget().getName()).replaceFirst("^origin/", "");
        }
        String configured = repo.getConfig().getString("init", null, "defaultBranch");
        if (configured != null) {
            return configured;
        }
        // Without a remote, a local main or master is what a host would make the default branch;
        // the current branch only when neither exists (a feature branch is never the default).
        for (String usual : List.of("main", "master")) {
            if (repo.exactRef(Constants.R_HEADS + usual) != null) {
                return usual;
            }
        }
        String branch = repo.getBranch();
        return branch != null && !ObjectId.isId(branch) ? branch : "main";
    }

    /** {@code [owner, name]} from an origin URL such as git@host:owner/name.git or https://host/owner/name. */
    static String[] ownerAndName(String remoteUrl, Path workTree) {
        if (remoteUrl != null) {
            String path = remoteUrl.replaceFirst("\\.git/?$", "").replaceFirst("/+$", "");
            path = path.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*/", "").replaceFirst("^[^@/]+@[^:/]+:", "");
            // "//" is one separator to git (a local origin such as /srv/mirror//repo)
            String[] parts = path.replaceFirst("^/+", "").split("/+");
            if (parts.length >= 2) {
                return new String[] {parts[parts.length - 2], parts[parts.length - 1]};
            }
        }
        Path name = workTree.toAbsolutePath().normalize().getFileName();
        return new String[] {"local", name == null ? "repository" : name.toString()};
    }
}

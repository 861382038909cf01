package dev.gantry.runner.actions.remote;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.util.FileUtils;

/**
 * One repository's folder in the action cache:
 * <pre>
 *   &lt;folder&gt;/&lt;commit sha&gt;/         the files at that commit (no .git), never changed once there
 *   &lt;folder&gt;/refs/&lt;ref, URL-encoded&gt;  "&lt;sha&gt; tag|branch": what the ref named when it was fetched
 * </pre>
 * A ref names a tag before a branch, as {@code git rev-parse} does; a 40-hex ref is a commit. Entries
 * are made in a private {@code .incoming-*} folder and renamed into place, so concurrent fetches of
 * the same commit are harmless (the first rename wins, the others are dropped).
 */
final class RepositoryCache {

    private static final String FULL_SHA = "[0-9a-fA-F]{40}";

    private final Path folder;
    private final String url;
    private final String name;

    RepositoryCache(Path folder, String url, String name) {
        this.folder = folder;
        this.url = url;
        this.name = name;
    }

    /** What a ref named: a commit, and whether the ref is a branch (which may move). */
    private record Pointer(String sha, boolean branch) {
    }

    /** The tree of {@code ref}, from the cache or fetched. */
    Path tree(String ref, boolean offline) throws ActionFetchException, IOException {
        if (ref.matches(FULL_SHA) && Files.isDirectory(folder.resolve(ref.toLowerCase(java.util.Locale.ROOT)))) {
            return folder.resolve(ref.toLowerCase(java.util.Locale.ROOT));
        }
        Optional<Pointer> cached = pointer(ref).filter(p -> Files.isDirectory(folder.resolve(p.sha())));
        if (cached.isPresent() && (offline || !cached.get().branch() || !moved(ref, cached.get().sha()))) {
            return folder.resolve(cached.get().sha());
        }
        if (offline) {
            throw new ActionFetchException("the action " + name + "@" + ref + " is not in the action cache (" + folder
                    + ") and --offline forbids fetching it; run once without --offline, or use --action-source");
        }
        return fetch(ref);
    }

    private Optional<Pointer> pointer(String ref) {
        try {
            String[] parts = Files.readString(pointerFile(ref), StandardCharsets.UTF_8).strip().split(" ");
            return parts.length == 2 && parts[0].matches(FULL_SHA)
                    ? Optional.of(new Pointer(parts[0], parts[1].equals("branch"))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Path pointerFile(String ref) {
        return folder.resolve("refs").resolve(URLEncoder.encode(ref, StandardCharsets.UTF_8).replace(".", "%2E"));
    }

    /** Whether the branch now names another commit on the server; false when the server cannot be asked. */
    private boolean moved(String branch, String sha) {
        try {
            Collection<Ref> refs = Git.lsRemoteRepository().setRemote(url).setHeads(true).call();
            return refs.stream().filter(r -> r.getName().equals(Constants.R_HEADS + branch)).findFirst()
                    .map(r -> !r.getObjectId().name().equals(sha)).orElse(false);
        } catch (GitAPIException | RuntimeException e) {
            return false;
        }
    }

    private Path fetch(String ref) throws ActionFetchException, IOException {
        Files.createDirectories(folder);
        Path incoming = Files.createTempDirectory(folder, ".incoming-");
        try {
            Path tree = incoming.resolve("tree");
            Pointer resolved;
            try (Git git = Git.cloneRepository().setURI(url).setDirectory(tree.toFile())
                    .setGitDir(incoming.resolve("git").toFile()).setCloneAllBranches(true).call()) {
                resolved = resolve(git.getRepository(), ref);
                // The clone checked out the default branch; forced, the switch cannot trip over its files.
                git.checkout().setName(resolved.sha()).setForced(true).call();
            } catch (GitAPIException | RuntimeException e) {
                throw new ActionFetchException("cannot fetch the action " + name + "@" + ref + " from " + url + ": "
                        + e.getMessage());
            }
            // With a separate git folder, the tree holds a ".git" file pointing at it; the cache keeps files only.
            Files.deleteIfExists(tree.resolve(".git"));
            Path target = folder.resolve(resolved.sha());
            if (!Files.isDirectory(target)) {
                moveIntoPlace(tree, target);
            }
            if (!ref.matches(FULL_SHA)) {
                writePointer(ref, resolved, incoming);
            }
            return target;
        } finally {
            FileUtils.delete(incoming.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING | FileUtils.RETRY);
        }
    }

    /** The commit {@code ref} names: a tag, else a branch, else a commit SHA. */
    private Pointer resolve(Repository repository, String ref) throws ActionFetchException, IOException {
        for (String candidate : new String[] {Constants.R_TAGS + ref, Constants.R_REMOTES + "origin/" + ref}) {
            Ref found = repository.exactRef(candidate);
            if (found != null) {
                return new Pointer(commit(repository, found.getObjectId()).name(), candidate.startsWith(Constants.R_REMOTES));
            }
        }
        if (ref.matches(FULL_SHA)) {
            ObjectId id = ObjectId.fromString(ref);
            if (repository.getObjectDatabase().has(id)) {
                return new Pointer(commit(repository, id).name(), false);
            }
        }
        throw new ActionFetchException("the action repository " + name + " (" + url + ") has no tag, branch or commit '"
                + ref + "'");
    }

    /** The commit an id names, peeling annotated tags. */
    private static ObjectId commit(Repository repository, ObjectId id) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(id);
            return commit.getId();
        }
    }

    private static void moveIntoPlace(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileSystemException e) {
            // Another job or run put the same commit there first; its tree is the same as ours.
            if (!Files.isDirectory(target)) {
                throw e;
            }
        }
    }

    private void writePointer(String ref, Pointer pointer, Path incoming) throws IOException {
        Path file = pointerFile(ref);
        Files.createDirectories(file.getParent());
        Path temp = incoming.resolve("pointer");
        Files.writeString(temp, pointer.sha() + " " + (pointer.branch() ? "branch" : "tag") + "\n", StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}

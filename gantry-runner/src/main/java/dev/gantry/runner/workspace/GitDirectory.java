package dev.gantry.runner.workspace;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.util.FS;

/**
 * Gives a workspace a {@code .git} of its own, so that {@code git} commands in steps work as after
 * actions/checkout (which leaves a {@code .git} behind), without touching the user's repository.
 *
 * <p>The choice: a new repository whose {@code objects/info/alternates} points at the user's
 * object store. Creating it costs a few small files whatever the repository's size (copying
 * {@code .git} would copy every pack). Reading objects shares the user's packs, which git never
 * modifies in place; objects a step creates (commits, tags) go to the workspace's own store. The
 * refs are a snapshot in {@code packed-refs}: branches, tags and remote-tracking branches as they
 * were, so {@code git describe} and {@code git log} see the history; a step moving a ref moves only
 * the workspace's copy. Rejected alternatives: a {@code .git} file pointing at the user's git
 * directory (steps running {@code git checkout} or {@code git commit} would change the user's
 * HEAD, index and branches) and a full copy (slow for big repositories).
 *
 * <p>The hazard: the user's repository must keep the objects while the run lasts. Everything
 * reachable from a ref is kept by {@code git gc}; a step's view of objects the user deletes by
 * rewriting history and pruning during the run may break. The shallow list is copied, so shallow
 * clones work. Only {@code core.repositoryformatversion}, {@code extensions.objectformat} and the
 * {@code remote.*} settings of the user's configuration are copied: nothing that runs programs
 * (hooks, credential helpers, filters), so a run cannot trigger the user's local hooks.
 *
 * <p>Read once ({@link #read}), written to each workspace ({@link #writeTo}): the jobs of a run
 * share one reading of the user's refs and configuration.
 */
record GitDirectory(String alternates, String head, String packedRefs, String config, byte[] shallow, byte[] index) {

    /**
     * Reads what a workspace's {@code .git} holds from the user's repository.
     *
     * @param head  what HEAD is: a ref name ({@code refs/heads/main}) or a commit id
     * @param index the index to start from: the user's index file (working-tree workspaces), or
     *              null when {@link #writeIndex} builds one (revision workspaces)
     */
    static GitDirectory read(Repository source, String head, File index) throws IOException {
        Path common = source.getCommonDirectory().toPath();
        Path shallow = common.resolve("shallow");
        return new GitDirectory(common.resolve("objects").toAbsolutePath() + "\n",
                head.startsWith("refs/") ? "ref: " + head + "\n" : head + "\n",
                packedRefs(source), config(source.getConfig()),
                Files.exists(shallow) ? Files.readAllBytes(shallow) : null,
                index != null && index.exists() ? Files.readAllBytes(index.toPath()) : null);
    }

    /** Writes {@code workspace/.git}; the workspace's files are already there. */
    void writeTo(Path workspace) throws IOException {
        Path git = workspace.resolve(".git");
        Files.createDirectories(git.resolve("objects/info"));
        Files.createDirectories(git.resolve("objects/pack"));
        Files.createDirectories(git.resolve("refs/heads"));
        Files.createDirectories(git.resolve("refs/tags"));
        write(git.resolve("objects/info/alternates"), alternates);
        write(git.resolve("HEAD"), head);
        write(git.resolve("packed-refs"), packedRefs);
        write(git.resolve("config"), config);
        if (shallow != null) {
            Files.write(git.resolve("shallow"), shallow);
        }
        if (index != null) {
            Files.write(git.resolve("index"), index);
        }
    }

    private static String packedRefs(Repository source) throws IOException {
        TreeMap<String, String> lines = new TreeMap<>();
        List<Ref> refs = source.getRefDatabase().getRefsByPrefix("refs/heads/", "refs/tags/", "refs/remotes/");
        for (Ref ref : refs) {
            if (ref.isSymbolic() || ref.getObjectId() == null) {
                continue; // refs/remotes/origin/HEAD and the like
            }
            Ref peeled = source.getRefDatabase().peel(ref);
            String line = ref.getObjectId().name() + " " + ref.getName() + "\n";
            if (peeled.getPeeledObjectId() != null) {
                line += "^" + peeled.getPeeledObjectId().name() + "\n";
            }
            lines.put(ref.getName(), line);
        }
        StringBuilder text = new StringBuilder("# pack-refs with: peeled fully-peeled sorted \n");
        lines.values().forEach(text::append);
        return text.toString();
    }

    private static String config(StoredConfig source) {
        StringBuilder text = new StringBuilder("[core]\n");
        text.append("\trepositoryformatversion = ")
                .append(source.getInt("core", null, "repositoryformatversion", 0)).append('\n');
        text.append("\tfilemode = true\n\tbare = false\n\tlogallrefupdates = true\n");
        String objectFormat = source.getString("extensions", null, "objectformat");
        if (objectFormat != null) {
            text.append("[extensions]\n\tobjectformat = ").append(objectFormat).append('\n');
        }
        for (String remote : source.getSubsections("remote")) {
            text.append("[remote \"").append(remote).append("\"]\n");
            for (String name : List.of("url", "pushurl", "fetch")) {
                for (String value : source.getStringList("remote", remote, name)) {
                    text.append('\t').append(name).append(" = ").append(quote(value)).append('\n');
                }
            }
        }
        return text.toString();
    }

    /** Quotes a config value so that backslashes, quotes and comment characters survive. */
    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Writes {@code workspace/.git/index} with the files of {@code commit}'s tree, as a checkout leaves it. */
    static void writeIndex(Repository source, Path workspace, RevCommit commit) throws IOException {
        File file = workspace.resolve(".git/index").toFile();
        DirCache cache = DirCache.lock(file, FS.DETECTED);
        try (ObjectReader reader = source.newObjectReader()) {
            DirCacheBuilder builder = cache.builder();
            builder.addTree(new byte[0], 0, reader, commit.getTree());
            builder.finish();
            cache.write();
            if (!cache.commit()) {
                throw new IOException("could not write " + file);
            }
        } finally {
            cache.unlock();
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}

package dev.gantry.runner.actions.remote;

import dev.gantry.runner.actions.ActionSettings;
import dev.gantry.runner.git.GitUrls;
import dev.gantry.runner.git.JGitSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The repositories that remote actions live in ("Workflow syntax for GitHub Actions#jobs.&lt;job_id&gt;.steps[*].uses":
 * {@code owner/repo[/path]@ref}, where the ref is a tag, a branch or a commit SHA), fetched once and
 * then served from the user's action cache.
 *
 * <p>Where a repository comes from: an {@code --action-source owner/repo=PATH_OR_URL} replacement
 * first (a local folder is used as it is, whatever the ref; a URL is cloned like the default), else
 * {@code <githubUrl>/<owner>/<repo>} ({@link GitUrls}). The cache is a folder per repository, by
 * default {@code ~/.cache/gantry/actions/<owner>/<repo>} beside the cache store, holding one tree
 * per commit and a pointer per ref ({@link RepositoryCache}). A tag or SHA once fetched is reused
 * without any network; a branch is checked against the server when online (one ls-remote) and
 * fetched again when it moved. With {@code offline} nothing is fetched: what is not in the cache is
 * an {@link ActionFetchException} naming the action.
 *
 * <p>Thread-safe, and safe for several gantry processes sharing one cache: every entry is written
 * in a private folder and moved into place atomically, so a reader sees a whole tree or none.
 */
public final class ActionRepositories {

    /** GitHub's owner and repository names: letters, digits, '-', '_' and '.'. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private final String githubUrl;
    private final Path cacheRoot;
    private final boolean offline;
    private final Map<String, String> sources = new LinkedHashMap<>();

    /**
     * @param githubUrl the git server's base URL, without a trailing slash
     * @param cacheRoot the action cache folder (created on first use)
     * @param offline   never fetch
     * @param sources   replacements by {@code owner/repo} (any letter case): a folder path or a git URL
     */
    public ActionRepositories(String githubUrl, Path cacheRoot, boolean offline, Map<String, String> sources) {
        this.githubUrl = githubUrl;
        this.cacheRoot = cacheRoot;
        this.offline = offline;
        sources.forEach((k, v) -> this.sources.put(k.toLowerCase(Locale.ROOT), v));
    }

    /** Repositories from the machine's settings: the server URL, and the cache beside the cache store. */
    public static ActionRepositories of(ActionSettings settings, boolean offline, Map<String, String> sources) {
        return new ActionRepositories(settings.githubUrl(), settings.cacheDirectory().resolveSibling("actions"),
                offline, sources);
    }

    /** Whether fetching is forbidden ({@code --offline}). */
    public boolean offline() {
        return offline;
    }

    /**
     * The root folder of {@code owner/repo} at {@code ref}, fetched when the cache does not have it.
     * The folder must not be written to: other jobs and runs read it too.
     *
     * @throws ActionFetchException when the repository or the ref does not exist, the server cannot
     *                              be reached, or it is not cached while offline
     */
    public Path checkout(String owner, String repo, String ref) throws ActionFetchException {
        String name = owner + "/" + repo;
        if (!NAME.matcher(owner).matches() || !NAME.matcher(repo).matches() || owner.matches("\\.+")
                || repo.matches("\\.+") || ref.isBlank()) {
            throw new ActionFetchException("'" + name + "@" + ref + "' is not a valid action repository and ref");
        }
        String source = sources.get(name.toLowerCase(Locale.ROOT));
        if (source != null && !isUrl(source)) {
            Path folder = Path.of(source).toAbsolutePath().normalize();
            if (!Files.isDirectory(folder)) {
                throw new ActionFetchException("--action-source replaces " + name + " with " + folder
                        + ", which is not a folder");
            }
            return folder;
        }
        String url = source != null ? source : GitUrls.repository(githubUrl, name);
        String folder = repo.toLowerCase(Locale.ROOT) + (source == null ? "" : "~" + shortHash(url));
        JGitSettings.apply();
        RepositoryCache cache = new RepositoryCache(cacheRoot.resolve(owner.toLowerCase(Locale.ROOT)).resolve(folder),
                url, name);
        try {
            return cache.tree(ref, offline);
        } catch (IOException e) {
            throw new ActionFetchException("cannot store the action " + name + "@" + ref + " in the action cache "
                    + cacheRoot + ": " + e.getMessage());
        }
    }

    /** A git URL rather than a folder: {@code scheme://...} or scp-like {@code user@host:path}. */
    private static boolean isUrl(String source) {
        return source.contains("://") || source.matches("[^/\\\\]+@[^/\\\\]+:.*");
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

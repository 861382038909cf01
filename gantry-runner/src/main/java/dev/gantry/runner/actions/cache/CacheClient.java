package dev.gantry.runner.actions.cache;

import dev.gantry.runner.actions.ActionContext;
import dev.gantry.runner.actions.ActionInputs;
import dev.gantry.runner.actions.ActionInputs.InputError;
import dev.gantry.runner.actions.glob.FileGlob;
import dev.gantry.runner.store.ArchiveItem;
import dev.gantry.runner.store.CacheEntry;
import dev.gantry.runner.store.CacheId;
import dev.gantry.runner.store.CacheQuery;
import dev.gantry.runner.store.CacheSaveResult;
import dev.gantry.runner.store.CacheStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Restores and saves cache entries for one step, as the actions toolkit's cache module does for
 * actions/cache and the setup actions (docs.github.com "Dependency caching reference", sections
 * "Input parameters for the cache action", "Cache key matching", "Restrictions for accessing a
 * cache"):
 * <ul>
 *   <li>keys: at most 10 (the key and its restore keys), each at most 512 characters, no commas;
 *   <li>the version: a digest of the path lines, so that other paths never restore this entry;
 *   <li>scopes: the repository and the run's ref first, then a pull request's base branch, then
 *       the default branch; saves go to the run's ref;
 *   <li>paths: {@link FileGlob} patterns relative to the workspace, with {@code ~} and {@code !}
 *       exclusions; a folder brings what is below it; links are kept as links.
 * </ul>
 * Files below the workspace are stored relative to it and those below the home folder relative to
 * the home folder (a later job's workspace is another folder); anything else by its absolute path.
 * Every restore and save adds a notice for the run's summary.
 */
public final class CacheClient {

    static final int MAX_KEYS = 10;
    static final int MAX_KEY_LENGTH = 512;

    private static final String WORKSPACE = "workspace/";
    private static final String HOME = "home/";
    private static final String ROOT = "root/";

    private final ActionContext context;
    private final CacheStore store;

    public CacheClient(ActionContext context) {
        this.context = context;
        this.store = context.services().cache();
    }

    /**
     * Looks for an entry and, unless {@code lookupOnly}, restores it.
     *
     * @return the key of the entry found, or empty on a miss
     * @throws InputError for keys GitHub would refuse
     */
    public Optional<String> restore(List<String> paths, String primaryKey, List<String> restoreKeys, boolean lookupOnly)
            throws InputError, IOException {
        List<String> keys = new ArrayList<>();
        keys.add(primaryKey);
        keys.addAll(restoreKeys);
        validate(keys);
        CacheQuery query = new CacheQuery(version(paths), scopes(), keys);
        Optional<CacheEntry> found;
        if (lookupOnly) {
            found = store.find(query);
        } else {
            Path workspace = context.workspace();
            Path home = ActionInputs.home(context.env());
            try {
                found = store.restore(query, name -> target(name, workspace, home)).map(CacheStore.Restored::entry);
            } catch (IOException e) {
                // As the toolkit's cache module: a restore that fails is a warning and a miss.
                context.warning("Failed to restore: " + e.getMessage());
                found = Optional.empty();
            }
        }
        if (found.isEmpty()) {
            context.notice("cache", "miss: no entry for " + String.join(", ", keys));
            return Optional.empty();
        }
        String key = found.get().key();
        context.notice("cache", (isExactMatch(primaryKey, key) ? "hit: " : "partial hit: ") + key
                + (lookupOnly ? " (looked up, not restored)" : " restored") + ", " + megabytes(found.get().size()));
        return Optional.of(key);
    }

    /**
     * Saves what {@code paths} match under {@code key}. Problems are warnings, as in the original:
     * a cache that cannot be saved never fails the job.
     *
     * @return true when an entry was saved
     */
    public boolean save(List<String> paths, String key) {
        try {
            validate(List.of(key));
        } catch (InputError e) {
            context.warning(e.getMessage());
            return false;
        }
        Path workspace = context.workspace();
        Path home = ActionInputs.home(context.env());
        try {
            List<ArchiveItem> items = items(paths, workspace, home);
            if (items.isEmpty()) {
                context.warning("Path Validation Error: Path(s) specified in the action for caching do(es) not exist,"
                        + " hence no cache is being saved.");
                return false;
            }
            String scope = scopes().getFirst();
            return switch (store.save(new CacheId(scope, key, version(paths)), items)) {
                case CacheSaveResult.Saved saved -> {
                    context.log("Cache saved with key: " + key);
                    context.notice("cache", "saved: " + key + ", " + megabytes(saved.entry().size())
                            + (saved.evicted() > 0 ? " (" + saved.evicted() + " older entries evicted)" : ""));
                    yield true;
                }
                case CacheSaveResult.AlreadyExists exists -> {
                    context.log("Failed to save: Unable to reserve cache with key " + key
                            + ", another job may be creating this cache.");
                    yield false;
                }
                case CacheSaveResult.TooLarge large -> {
                    context.warning("Failed to save: the cache of " + megabytes(large.size())
                            + " is larger than the cache store's limit of " + megabytes(large.limit()));
                    yield false;
                }
            };
        } catch (IOException | RuntimeException e) {
            context.warning("Failed to save: " + e.getMessage());
            return false;
        }
    }

    /** Whether the matched key is the primary key (compared without case, as the original does). */
    public static boolean isExactMatch(String primaryKey, String matched) {
        return matched != null && primaryKey.toLowerCase(Locale.ROOT).equals(matched.toLowerCase(Locale.ROOT));
    }

    static void validate(List<String> keys) throws InputError {
        if (keys.size() > MAX_KEYS) {
            throw new InputError("Key Validation Error: Keys are limited to a maximum of " + MAX_KEYS + ".");
        }
        for (String key : keys) {
            if (key.length() > MAX_KEY_LENGTH) {
                throw new InputError("Key Validation Error: " + key + " cannot be larger than " + MAX_KEY_LENGTH
                        + " characters.");
            }
            if (key.contains(",")) {
                throw new InputError("Key Validation Error: " + key + " cannot contain commas.");
            }
        }
    }

    /**
     * The scopes whose entries this run may restore, in order: {@code <repository>:<ref>} for its
     * ref, a pull request's base branch, then the default branch. The repository is part of the
     * scope because caches belong to one repository, and the store is shared by all on this machine.
     */
    List<String> scopes() {
        Map<String, Object> github = context.github();
        List<String> refs = new ArrayList<>();
        add(refs, String.valueOf(github.getOrDefault("ref", "")));
        Object baseRef = github.get("base_ref");
        if (baseRef instanceof String b && !b.isEmpty()) {
            add(refs, b.startsWith("refs/") ? b : "refs/heads/" + b);
        }
        if (github.get("event") instanceof Map<?, ?> event && event.get("repository") instanceof Map<?, ?> repo
                && repo.get("default_branch") instanceof String branch && !branch.isEmpty()) {
            add(refs, "refs/heads/" + branch);
        }
        if (refs.isEmpty()) {
            refs.add("refs/heads/main");
        }
        String repository = String.valueOf(github.getOrDefault("repository", ""));
        return refs.stream().map(ref -> repository + ":" + ref).toList();
    }

    private static void add(List<String> refs, String ref) {
        if (!ref.isEmpty() && !refs.contains(ref)) {
            refs.add(ref);
        }
    }

    /** The entry's version: the path lines as given and the archive format. */
    static String version(List<String> paths) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((String.join("|", paths) + "|gantry-tar-zstd").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static List<ArchiveItem> items(List<String> paths, Path workspace, Path home) throws IOException {
        FileGlob glob = FileGlob.of(paths, workspace, home);
        List<ArchiveItem> items = new ArrayList<>();
        for (FileGlob.Match m : glob.find(new FileGlob.Options(true, false, false))) {
            String name = name(m.path(), workspace.toAbsolutePath().normalize(), home.toAbsolutePath().normalize());
            if (name != null) {
                items.add(new ArchiveItem(name, m.path()));
            }
        }
        return items;
    }

    /**
     * The archive name of a path; null for the workspace, the home folder and the file system root
     * themselves (they exist wherever the entry is restored; only what is inside them is archived).
     */
    static String name(Path path, Path workspace, Path home) {
        if (path.equals(workspace) || path.equals(home)) {
            return null;
        }
        if (path.startsWith(workspace)) {
            return WORKSPACE + workspace.relativize(path);
        }
        if (path.startsWith(home)) {
            return HOME + home.relativize(path);
        }
        String absolute = path.toString().replaceFirst("^/+", "");
        return absolute.isEmpty() ? null : ROOT + absolute;
    }

    static Path target(String name, Path workspace, Path home) {
        if (name.startsWith(WORKSPACE)) {
            return workspace.resolve(name.substring(WORKSPACE.length()));
        }
        if (name.startsWith(HOME)) {
            return home.resolve(name.substring(HOME.length()));
        }
        if (name.startsWith(ROOT)) {
            return Path.of("/").resolve(name.substring(ROOT.length()));
        }
        return null;
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }
}

package dev.gantry.runner.actions;

import dev.gantry.runner.store.FileCacheStore;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Settings of this machine that built-in actions use. Each is read from a Java system property, then
 * an environment variable, then a default:
 * <table>
 *   <caption>settings</caption>
 *   <tr><th>property</th><th>variable</th><th>default</th></tr>
 *   <tr><td>{@code gantry.github.url}</td><td>{@code GANTRY_GITHUB_URL}</td><td>{@code https://github.com}:
 *       where actions/checkout clones another {@code repository:} and remote actions come from
 *       ({@code <url>/<owner>/<name>}; a
 *       {@code file://} URL serves local repositories, also as {@code <owner>/<name>.git})</td></tr>
 *   <tr><td>{@code gantry.cache.dir}</td><td>{@code GANTRY_CACHE_DIR}</td><td>{@code $XDG_CACHE_HOME/gantry/cache},
 *       else {@code ~/.cache/gantry/cache}: the cache store's folder</td></tr>
 *   <tr><td>{@code gantry.cache.size}</td><td>{@code GANTRY_CACHE_SIZE}</td><td>10G: the cache store's size
 *       limit, in bytes or with a K, M or G suffix (powers of 1024)</td></tr>
 * </table>
 * The system properties exist so that tests running gantry in-process can point it elsewhere.
 *
 * @param githubUrl      base URL for other repositories, without a trailing slash
 * @param cacheDirectory the cache store's folder
 * @param cacheSizeLimit the cache store's size limit in bytes
 */
public record ActionSettings(String githubUrl, Path cacheDirectory, long cacheSizeLimit) {

    /** The settings from system properties, then the environment, then the defaults. */
    public static ActionSettings from(Map<String, String> env, Properties properties) {
        String url = setting(properties, "gantry.github.url", env, "GANTRY_GITHUB_URL");
        String dir = setting(properties, "gantry.cache.dir", env, "GANTRY_CACHE_DIR");
        String size = setting(properties, "gantry.cache.size", env, "GANTRY_CACHE_SIZE");
        Path cacheDir;
        if (dir != null) {
            cacheDir = Path.of(dir);
        } else if (env.get("XDG_CACHE_HOME") != null && !env.get("XDG_CACHE_HOME").isBlank()) {
            cacheDir = Path.of(env.get("XDG_CACHE_HOME"), "gantry", "cache");
        } else {
            cacheDir = Path.of(properties.getProperty("user.home", "."), ".cache", "gantry", "cache");
        }
        long limit = size == null ? FileCacheStore.DEFAULT_SIZE_LIMIT : parseSize(size);
        return new ActionSettings(url == null ? "https://github.com" : url.replaceAll("/+$", ""), cacheDir,
                limit > 0 ? limit : FileCacheStore.DEFAULT_SIZE_LIMIT);
    }

    private static String setting(Properties properties, String property, Map<String, String> env, String variable) {
        String value = properties.getProperty(property);
        if (value == null || value.isBlank()) {
            value = env.get(variable);
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Bytes from "123", "512M", "10G"; -1 when unreadable. */
    static long parseSize(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT).replaceAll("I?B$", "");
        long unit = 1;
        if (!t.isEmpty() && "KMGT".indexOf(t.charAt(t.length() - 1)) >= 0) {
            unit = 1L << (10 * ("KMGT".indexOf(t.charAt(t.length() - 1)) + 1));
            t = t.substring(0, t.length() - 1);
        }
        try {
            return Long.parseLong(t.strip()) * unit;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

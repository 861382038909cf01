package dev.gantry.gitlab;

import dev.gantry.model.Cache;
import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;
import dev.gantry.yaml.YamlSeq;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cache:} ("CI/CD YAML syntax reference#cache" and its subsections {@code paths}, {@code key},
 * {@code key:files}, {@code key:prefix}, {@code untracked}, {@code unprotect}, {@code when},
 * {@code policy}, {@code fallback_keys}): one cache as a mapping, or a list of at most
 * {@value #MAX_CACHES} ("Caching in GitLab CI/CD#Use multiple caches"). {@code cache: []} is a valid
 * way to turn a default cache off. A key may not contain {@code /} nor be only dots;
 * {@code key:files} lists one or two files.
 */
final class CacheParser {

    static final int MAX_CACHES = 4;

    private final Reader reader;

    CacheParser(Reader reader) {
        this.reader = reader;
    }

    /** The caches, or null when not written. */
    List<Cache> caches(YamlNode node, String where) {
        if (Reader.absent(node)) {
            return null;
        }
        List<Cache> out = new ArrayList<>();
        if (node instanceof YamlMap m) {
            add(cache(m, where), out);
        } else if (node instanceof YamlSeq seq) {
            for (YamlNode item : Flatten.items(seq)) {
                if (item instanceof YamlMap m) {
                    add(cache(m, where), out);
                } else {
                    reader.wrongType(item, "cache", "a mapping or a sequence of mappings");
                }
            }
            if (out.size() > MAX_CACHES) {
                reader.error(seq, RuleIds.CACHE_LIMIT, "a job can have at most " + MAX_CACHES + " caches, not "
                        + out.size());
            }
        } else {
            reader.wrongType(node, "cache", "a mapping or a sequence of mappings");
        }
        return out;
    }

    private static void add(Cache cache, List<Cache> out) {
        if (cache != null) {
            out.add(cache);
        }
    }

    private Cache cache(YamlMap m, String where) {
        reader.checkKeys(m, Keywords.CACHE, "cache of " + where);
        String key = null;
        List<String> keyFiles = List.of();
        String prefix = null;
        YamlNode k = m.get("key");
        if (k instanceof YamlMap km) {
            reader.checkKeys(km, Keywords.CACHE_KEY, "cache:key");
            List<String> files = reader.strings(km.get("files"), "cache:key:files", false);
            if (files == null) {
                if (!km.has("files")) {
                    reader.error(km, RuleIds.MISSING_KEY, "'cache:key' written as a mapping must have 'files'");
                }
            } else if (files.isEmpty() || files.size() > 2) {
                reader.error(km.get("files"), RuleIds.INVALID_VALUE, "'cache:key:files' lists one or two files, not "
                        + files.size());
            } else {
                keyFiles = files;
            }
            prefix = reader.string(km.get("prefix"), "cache:key:prefix");
        } else if (!Reader.absent(k)) {
            key = reader.string(k, "cache:key");
            if (key != null && (key.contains("/") || key.contains("%2F") || key.matches("\\.+")
                    || key.matches("(%2E)+"))) {
                reader.error(k, RuleIds.INVALID_VALUE, "'cache:key' cannot contain '/' or be only dots: '" + key + "'");
            }
        }
        List<String> paths = reader.strings(m.get("paths"), "cache:paths", false);
        Boolean untracked = reader.bool(m.get("untracked"), "cache:untracked");
        String policy = policy(m.get("policy"));
        String when = reader.oneOf(m.get("when"), "cache:when", Keywords.UPLOAD_WHEN);
        List<String> fallbackKeys = reader.strings(m.get("fallback_keys"), "cache:fallback_keys", false);
        Boolean unprotect = reader.bool(m.get("unprotect"), "cache:unprotect");
        return new Cache(key, keyFiles, prefix, paths == null ? List.of() : paths, untracked != null && untracked,
                policy == null ? "pull-push" : policy, when == null ? "on_success" : when,
                fallbackKeys == null ? List.of() : fallbackKeys, unprotect != null && unprotect, m.range());
    }

    /** {@code pull}, {@code push}, {@code pull-push}, or a CI/CD variable that gives one of them at run time. */
    private String policy(YamlNode node) {
        if (node instanceof YamlScalar s && s.value().startsWith("$")) {
            return s.value();
        }
        return reader.oneOf(node, "cache:policy", Keywords.CACHE_POLICY);
    }
}

package dev.gantry.runner.gitlab;

import dev.gantry.expr.gitlab.ExpansionPlace;
import dev.gantry.expr.gitlab.VariableExpander;
import dev.gantry.expr.gitlab.Variables;
import dev.gantry.model.Cache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The keys of one cache entry ("CI/CD YAML syntax reference#cache:key", "#cache:key:files",
 * "#cache:key:prefix", "#cache:fallback_keys"): {@code key} with variables expanded as the runner
 * expands them ({@code default} when none is written); with {@code key:files}, a SHA-256 over the
 * listed files' contents (files that do not exist count as absent), after {@code prefix-} when a
 * prefix is written; then the {@code fallback_keys}, expanded, in order.
 */
final class CacheKeys {

    private CacheKeys() {
    }

    /** The key to save under, first, then the fallback keys to restore from. */
    static List<String> of(Cache cache, Variables variables, Path projectDir) throws IOException {
        List<String> keys = new ArrayList<>();
        keys.add(primary(cache, variables, projectDir));
        for (String fallback : cache.fallbackKeys()) {
            keys.add(VariableExpander.expand(fallback, variables, ExpansionPlace.RUNNER));
        }
        return keys;
    }

    private static String primary(Cache cache, Variables variables, Path projectDir) throws IOException {
        if (cache.keyFiles().isEmpty()) {
            String key = cache.key() == null ? "" : VariableExpander.expand(cache.key(), variables, ExpansionPlace.RUNNER);
            return key.isBlank() ? "default" : key.strip();
        }
        MessageDigest digest = sha256();
        for (String file : cache.keyFiles()) {
            String name = VariableExpander.expand(file, variables, ExpansionPlace.RUNNER);
            Path p = projectDir.resolve(name).normalize();
            digest.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (p.startsWith(projectDir) && Files.isRegularFile(p)) {
                digest.update(Files.readAllBytes(p));
            }
        }
        String hash = HexFormat.of().formatHex(digest.digest());
        String prefix = cache.keyPrefix() == null ? null
                : VariableExpander.expand(cache.keyPrefix(), variables, ExpansionPlace.RUNNER);
        return prefix == null || prefix.isBlank() ? hash : prefix + "-" + hash;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

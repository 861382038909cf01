package dev.gantry.yaml;

import dev.gantry.diag.SourceRange;

/**
 * A node of a YAML document with its source range. Aliases are already resolved (an alias is
 * the very node its anchor names, so it keeps the anchor's position) and {@code <<} merge keys
 * are already applied. Custom tags such as GitLab's {@code !reference} are kept in {@link #tag()}
 * for the front end to interpret.
 */
public sealed interface YamlNode permits YamlMap, YamlSeq, YamlScalar {

    /** Where the node stands in its file. */
    SourceRange range();

    /** An explicit non-standard tag such as {@code !reference}, or null. */
    String tag();

    /** "a mapping", "a sequence", "a string", "a number", "a boolean" or "null", for messages. */
    String describe();

    /**
     * The node as plain Java values, the shape JSON has: {@code Map<String,Object>} (ordered),
     * {@code List<Object>}, {@code String}, {@code Long}, {@code java.math.BigInteger},
     * {@code Double}, {@code Boolean} or null.
     */
    Object toPlain();
}

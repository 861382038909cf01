package dev.gantry.gitlab;

import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlSeq;
import java.util.ArrayList;
import java.util.List;

/**
 * Flattens nested sequences, which is how GitLab splices a {@code !reference} or a YAML anchor
 * into {@code script}, {@code rules}, {@code stages} and {@code parallel:matrix}
 * ("Optimize GitLab CI/CD configuration files#!reference tags": nesting up to 10 levels deep).
 */
final class Flatten {

    /** Deeper nesting than this is left out; {@link ReferenceResolver} reports such depths. */
    static final int MAX_DEPTH = 10;

    private Flatten() {
    }

    /** The non-sequence items of {@code seq} and of the sequences nested in it, in order. */
    static List<YamlNode> items(YamlSeq seq) {
        List<YamlNode> out = new ArrayList<>();
        add(seq, 0, out);
        return out;
    }

    private static void add(YamlSeq seq, int depth, List<YamlNode> out) {
        for (YamlNode item : seq.items()) {
            if (item instanceof YamlSeq inner) {
                if (depth < MAX_DEPTH) {
                    add(inner, depth + 1, out);
                }
            } else {
                out.add(item);
            }
        }
    }
}

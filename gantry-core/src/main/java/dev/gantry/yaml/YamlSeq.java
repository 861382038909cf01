package dev.gantry.yaml;

import dev.gantry.diag.SourceRange;
import java.util.ArrayList;
import java.util.List;

/**
 * A YAML sequence.
 *
 * @param items the items in order, never null
 * @param tag   a non-standard explicit tag such as {@code !reference}, or null
 * @param range where it stands
 */
public record YamlSeq(List<YamlNode> items, String tag, SourceRange range) implements YamlNode {

    public YamlSeq {
        items = List.copyOf(items);
    }

    @Override
    public String describe() {
        return "a sequence";
    }

    @Override
    public Object toPlain() {
        List<Object> out = new ArrayList<>(items.size());
        for (YamlNode item : items) {
            out.add(item.toPlain());
        }
        return out;
    }
}

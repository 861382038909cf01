package dev.gantry.gitlab;

import dev.gantry.model.StepAction;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;
import dev.gantry.yaml.YamlSeq;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code script}, {@code before_script}, {@code after_script} and hook scripts ("CI/CD YAML syntax
 * reference#script"): one string, or a sequence of strings in which nested sequences (from YAML
 * anchors or {@code !reference} tags) are flattened in place. Each command keeps the source range
 * of the scalar it was written as; a block scalar stays one command with its newlines.
 */
final class ScriptParser {

    private final Reader reader;

    ScriptParser(Reader reader) {
        this.reader = reader;
    }

    /** The commands, or null when not written. Null items (an unresolved reference) are left out. */
    List<StepAction.ScriptLine> lines(YamlNode node, String name) {
        if (Reader.absent(node)) {
            return null;
        }
        List<YamlNode> items = node instanceof YamlSeq seq ? Flatten.items(seq) : List.of(node);
        List<StepAction.ScriptLine> out = new ArrayList<>(items.size());
        for (YamlNode item : items) {
            if (item instanceof YamlScalar s && PsychScalar.isString(s)) {
                out.add(new StepAction.ScriptLine(s.value(), s.range()));
            } else if (!Reader.absent(item)) {
                reader.wrongType(item, name, "a string or a sequence of strings");
            }
        }
        return out;
    }
}

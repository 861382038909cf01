package dev.gantry.gitlab;

import dev.gantry.model.Rule;
import dev.gantry.model.Variable;
import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;
import dev.gantry.yaml.YamlSeq;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The global keywords of a merged configuration ("CI/CD YAML syntax reference#Global keywords"):
 * {@code stages} (default {@code build}, {@code test}, {@code deploy}; {@code .pre} always first
 * and {@code .post} always last, whether written or not; nested lists from {@code !reference}
 * flattened; repeats dropped), global {@code variables}, {@code workflow} ({@code name},
 * {@code rules}, {@code auto_cancel}) and {@code default}.
 */
final class GlobalParser {

    static final List<String> DEFAULT_STAGES = List.of("build", "test", "deploy");

    private final Reader reader;

    GlobalParser(Reader reader) {
        this.reader = reader;
    }

    Globals parse(YamlMap config) {
        List<String> stages = stages(config.get("stages"));
        List<Variable> variables = new VariablesParser(reader).parse(config.get("variables"),
                VariablesParser.Kind.GLOBAL, "variables");
        String name = null;
        List<Rule> rules = null;
        String[] autoCancel = new String[2];
        YamlMap workflow = reader.map(config.get("workflow"), "workflow");
        if (workflow != null) {
            reader.checkKeys(workflow, Keywords.WORKFLOW, "workflow");
            name = reader.string(workflow.get("name"), "workflow:name");
            rules = new RulesParser(reader).rules(workflow.get("rules"), RulesParser.Kind.WORKFLOW, "workflow");
            autoCancel = new RulesParser(reader).autoCancel(workflow.get("auto_cancel"), "workflow:auto_cancel");
        }
        Defaults defaults = new JobKeywords(reader).defaults(config);
        return new Globals(stages, variables, name == null ? null : name.strip(), rules, autoCancel[0], autoCancel[1],
                defaults);
    }

    private List<String> stages(YamlNode node) {
        Set<String> written = new LinkedHashSet<>();
        if (Reader.absent(node)) {
            written.addAll(DEFAULT_STAGES);
        } else if (node instanceof YamlSeq seq) {
            for (YamlNode item : Flatten.items(seq)) {
                if (item instanceof YamlScalar s && PsychScalar.isText(s)) {
                    written.add(s.value());
                } else {
                    reader.wrongType(item, "stages", "a sequence of strings");
                }
            }
        } else {
            reader.wrongType(node, "stages", "a sequence of strings");
            written.addAll(DEFAULT_STAGES);
        }
        written.remove(".pre");
        written.remove(".post");
        List<String> stages = new ArrayList<>();
        stages.add(".pre");
        stages.addAll(written);
        stages.add(".post");
        return stages;
    }
}

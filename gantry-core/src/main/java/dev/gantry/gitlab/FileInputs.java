package dev.gantry.gitlab;

import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import java.util.List;

/**
 * From the YAML documents of one file to its configuration with inputs interpolated, the first step
 * for the main file and for every included one ("CI/CD YAML syntax reference#Header keywords",
 * "CI/CD inputs"). Inputs are interpolated per file, before the file's own includes are read and
 * before anything is merged, so a block may build an include path or a job name.
 *
 * <p>A file is either one configuration document, or a header document holding only {@code spec}
 * followed by {@code ---} and the configuration. Further documents are ignored with a warning
 * ({@value RuleIds#EXTRA_DOCUMENT}), as GitLab ignores them. A {@code spec:} key inside the
 * configuration is an error ({@value RuleIds#SPEC_WITHOUT_SEPARATOR}); when the file has no header,
 * that key is still read as one, so the rest of the file is checked as intended. A file without a
 * header is not interpolated, and {@code include:inputs} given to it are an error
 * ({@value RuleIds#INPUTS_WITHOUT_SPEC}). Every document, read or ignored, is first checked for plain
 * dates, which GitLab's YAML parser refuses to load ({@link PsychTimestamp}).
 */
final class FileInputs {

    private final Reader reader;

    FileInputs(Reader reader) {
        this.reader = reader;
    }

    /**
     * The file's configuration document, interpolated.
     *
     * @param file      the file's path, for messages
     * @param documents the file's YAML documents, at least one
     * @param given     the {@code include:inputs} entry of the include that names the file, or null
     * @param at        that include's node, or null for the main file
     * @return the configuration document, which need not be a mapping
     */
    YamlNode configuration(String file, List<YamlNode> documents, YamlMap.Entry given, YamlNode at) {
        PsychTimestamp.check(documents, reader);
        YamlNode spec = null;
        int content = 0;
        if (documents.size() > 1 && documents.getFirst() instanceof YamlMap first && first.has("spec")) {
            reader.checkKeys(first, Keywords.HEADER, "the header");
            spec = first.get("spec");
            content = 1;
        }
        if (documents.size() > content + 1) {
            reader.warning(documents.get(content + 1), RuleIds.EXTRA_DOCUMENT, (spec == null
                    ? "without a spec header, only the first YAML document of a file is read"
                    : "after the spec header, only one configuration document is read")
                    + "; this document and any after it are ignored");
        }
        YamlNode config = documents.get(content);
        if (config instanceof YamlMap map && map.has("spec")) {
            YamlMap.Entry misplaced = map.entry("spec");
            reader.error(misplaced.key(), RuleIds.SPEC_WITHOUT_SEPARATOR, spec == null
                    ? "'spec' must stand in a header document: put a line '---' between it and the configuration"
                    : "'spec' belongs in the header document, not in the configuration");
            spec = spec == null ? misplaced.value() : spec;
            config = YamlMerge.without(map, "spec");
        }
        YamlMap values = given == null ? null : reader.map(given.value(), "include:inputs");
        if (spec == null) {
            if (values != null && values.size() > 0) {
                reader.error(given.key(), RuleIds.INPUTS_WITHOUT_SPEC, "inputs are given, but " + file
                        + " has no spec:inputs header to take them");
            }
            return config;
        }
        Header header = new SpecParser(reader).parse(spec);
        return new Interpolator(reader, header, new InputBinder(reader).bind(header, file, values, at))
                .interpolate(config);
    }
}

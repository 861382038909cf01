package dev.gantry.yaml;

import dev.gantry.diag.Diagnostics;
import dev.gantry.diag.SourceRange;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads YAML documents into {@link YamlNode}s that keep their file:line:col.
 *
 * <p>Follows YAML 1.2 with the core schema (yaml.org/spec/1.2.2, "10.3 Core Schema"), so that
 * {@code on}, {@code yes} and {@code no} stay strings. Adds what CI formats rely on beyond plain
 * YAML 1.2:
 * <ul>
 *   <li>merge keys {@code <<} (yaml.org/type/merge.html): local keys win over merged ones, and
 *       in a list of merges the earlier mapping wins; the merge is shallow;</li>
 *   <li>duplicate keys are an error naming both positions, never a silent choice; or, for GitLab
 *       ({@link DuplicateKeys#LAST_WINS}), a warning and the later value, as GitLab's Ruby YAML
 *       reading keeps it (GNOME/libxml2's pipeline defines a job twice and runs);</li>
 *   <li>custom tags such as GitLab's {@code !reference} are kept on the node.</li>
 * </ul>
 * Syntax errors become diagnostics at the parser's mark; this class never throws on bad input.
 */
public final class YamlLoader {

    /** What a key written twice in one mapping does. */
    public enum DuplicateKeys {
        /** An error (rule {@code duplicate-key}); the first value stays. GitHub refuses such a workflow. */
        ERROR,
        /** A warning (rule {@code duplicate-key}); the later value replaces the first in its place. */
        LAST_WINS
    }

    /** Aliases are cheap here (converted once and shared), so allow as many as real files use. */
    private static final int MAX_ALIASES = 10_000;
    /** 64 MiB of text: far above any real pipeline, low enough to refuse a runaway file. */
    private static final int CODE_POINT_LIMIT = 64 * 1024 * 1024;

    private final String file;
    private final String text;
    private final Diagnostics diagnostics;
    private final DuplicateKeys duplicateKeys;
    /** Offsets where each line of {@link #text} starts; computed on the first literal block scalar. */
    private int[] lineStarts;
    private final Map<Node, YamlNode> converted = new IdentityHashMap<>();
    private final Map<Node, Boolean> inProgress = new IdentityHashMap<>();

    private YamlLoader(String file, String text, Diagnostics diagnostics, DuplicateKeys duplicateKeys) {
        this.duplicateKeys = duplicateKeys;
        this.file = file;
        this.text = text;
        this.diagnostics = diagnostics;
    }

    /**
     * Parses {@code text} as one YAML document.
     *
     * @param file        the name to put in source ranges (as the user gave it)
     * @param text        the file's content
     * @param diagnostics receives syntax errors, duplicate keys and bad merges (rule {@code yaml})
     * @return the root node, or empty when the document is empty or has a syntax error
     */
    public static Optional<YamlNode> load(String file, String text, Diagnostics diagnostics) {
        Optional<Node> root;
        try {
            root = new Compose(settings(file)).composeString(text);
        } catch (YamlEngineException e) {
            syntaxError(file, e, diagnostics);
            return Optional.empty();
        }
        return root.map(node -> new YamlLoader(file, text, diagnostics, DuplicateKeys.ERROR).convert(node));
    }

    /**
     * Parses every document of {@code text}, a stream whose documents are separated by {@code ---}
     * (yaml.org/spec/1.2.2, "9.2 Streams"). GitLab CI files use two: a {@code spec:} header and the
     * configuration. Anchors belong to their own document, as the specification says.
     *
     * @param file        the name to put in source ranges (as the user gave it)
     * @param text        the file's content
     * @param diagnostics receives syntax errors, duplicate keys and bad merges (rule {@code yaml})
     * @return the documents in order (an explicit empty document is a null scalar); an empty list
     *         when the stream holds no document or has a syntax error anywhere
     */
    public static List<YamlNode> loadAll(String file, String text, Diagnostics diagnostics) {
        return loadAll(file, text, diagnostics, DuplicateKeys.ERROR);
    }

    /** As {@link #loadAll(String, String, Diagnostics)}, with keys written twice handled as {@code duplicateKeys} says. */
    public static List<YamlNode> loadAll(String file, String text, Diagnostics diagnostics, DuplicateKeys duplicateKeys) {
        List<YamlNode> documents = new ArrayList<>();
        try {
            // The parser reads lazily, so a syntax error in a later document surfaces while iterating.
            for (Node node : new Compose(settings(file)).composeAllFromString(text)) {
                documents.add(new YamlLoader(file, text, diagnostics, duplicateKeys).convert(node));
            }
        } catch (YamlEngineException e) {
            syntaxError(file, e, diagnostics);
            return List.of();
        }
        return documents;
    }

    private static LoadSettings settings(String file) {
        return LoadSettings.builder()
                .setSchema(new CoreSchema())
                .setAllowDuplicateKeys(true) // we report them ourselves, with both positions
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setCodePointLimit(CODE_POINT_LIMIT)
                .setLabel(file)
                .build();
    }

    private static void syntaxError(String file, YamlEngineException e, Diagnostics diagnostics) {
        if (e instanceof MarkedYamlEngineException marked) {
            diagnostics.error(markRange(file, marked), "yaml", syntaxMessage(marked));
        } else {
            diagnostics.error(SourceRange.startOf(file), "yaml", firstLine(e.getMessage()));
        }
    }

    private YamlNode convert(Node node) {
        YamlNode done = converted.get(node);
        if (done != null) {
            return done;
        }
        if (inProgress.containsKey(node)) {
            diagnostics.error(range(node), "yaml", "an alias refers to a node that contains it");
            return new YamlScalar("", YamlScalar.Type.NULL, YamlScalar.Style.PLAIN, null, range(node));
        }
        inProgress.put(node, Boolean.TRUE);
        // On the node type, not a pattern switch on the node's class: every run comes here, and
        // a pattern switch makes the JVM generate a class at start (a few ms of a cold start).
        YamlNode result = switch (node.getNodeType()) {
            case SCALAR -> scalar((ScalarNode) node);
            case SEQUENCE -> sequence((SequenceNode) node);
            case MAPPING -> mapping((MappingNode) node);
            default -> throw new IllegalStateException("unknown YAML node " + node.getClass());
        };
        inProgress.remove(node);
        converted.put(node, result);
        return result;
    }

    private YamlScalar scalar(ScalarNode node) {
        Tag tag = node.getTag();
        YamlScalar.Type type;
        if (Tag.NULL.equals(tag)) {
            type = YamlScalar.Type.NULL;
        } else if (Tag.BOOL.equals(tag)) {
            type = YamlScalar.Type.BOOL;
        } else if (Tag.INT.equals(tag)) {
            type = YamlScalar.Type.INT;
        } else if (Tag.FLOAT.equals(tag)) {
            type = YamlScalar.Type.FLOAT;
        } else {
            type = YamlScalar.Type.STRING;
        }
        YamlScalar.Style style = style(node.getScalarStyle());
        SourceRange range = range(node);
        int indent = style == YamlScalar.Style.LITERAL ? literalIndent(node.getValue(), range.line()) : -1;
        return new YamlScalar(node.getValue(), type, style, customTag(tag), range, indent);
    }

    private static YamlScalar.Style style(ScalarStyle style) {
        return switch (style) {
            case SINGLE_QUOTED -> YamlScalar.Style.SINGLE_QUOTED;
            case DOUBLE_QUOTED -> YamlScalar.Style.DOUBLE_QUOTED;
            case LITERAL -> YamlScalar.Style.LITERAL;
            case FOLDED -> YamlScalar.Style.FOLDED;
            default -> YamlScalar.Style.PLAIN;
        };
    }

    /**
     * The column where the content of a literal block scalar starts, or -1. Value line {@code k}
     * is the text of file line {@code indicatorLine + 1 + k} after the indentation, so the first
     * non-empty value line tells the indentation: its file line minus its own length. This also
     * covers an explicit indentation indicator, after which a line may keep extra spaces.
     */
    private int literalIndent(String value, int indicatorLine) {
        int from = 0;
        int k = 0;
        while (from < value.length() && value.charAt(from) == '\n') {
            from++;
            k++;
        }
        if (from == value.length()) {
            return -1;
        }
        int to = value.indexOf('\n', from);
        String line = value.substring(from, to < 0 ? value.length() : to);
        int fileLine = indicatorLine + k; // 0-based index of the 1-based line after the indicator, plus k
        if (lineStarts == null) {
            lineStarts = lineStarts(text);
        }
        if (fileLine >= lineStarts.length) {
            return -1;
        }
        int start = lineStarts[fileLine];
        int end = fileLine + 1 < lineStarts.length ? lineStarts[fileLine + 1] : text.length();
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        int indent = text.codePointCount(start, end) - line.codePointCount(0, line.length());
        return indent >= 0 && text.startsWith(line, end - line.length()) ? indent : -1;
    }

    /** Where each line starts; a line ends at LF, CR LF or CR, as YAML breaks lines. */
    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i++;
            }
            if (c == '\n' || c == '\r') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private YamlSeq sequence(SequenceNode node) {
        List<YamlNode> items = new ArrayList<>(node.getValue().size());
        for (Node item : node.getValue()) {
            items.add(convert(item));
        }
        return new YamlSeq(items, customTag(node.getTag()), range(node));
    }

    private YamlMap mapping(MappingNode node) {
        Map<String, YamlMap.Entry> local = new LinkedHashMap<>();
        List<YamlMap> merges = new ArrayList<>();
        for (NodeTuple tuple : node.getValue()) {
            YamlNode key = convert(tuple.getKeyNode());
            if (!(key instanceof YamlScalar k)) {
                diagnostics.error(key.range(), "yaml", "a mapping key must be a scalar, not " + key.describe());
                continue;
            }
            YamlNode value = convert(tuple.getValueNode());
            if (k.plain() && "<<".equals(k.value()) && k.tag() == null) {
                collectMerges(value, merges);
                continue;
            }
            YamlMap.Entry previous = local.get(k.value());
            if (previous != null) {
                String message = "duplicate key '" + k.value() + "' (first defined at "
                        + previous.key().range().line() + ":" + previous.key().range().column() + ")";
                if (duplicateKeys == DuplicateKeys.ERROR) {
                    diagnostics.error(k.range(), "duplicate-key", message);
                    continue;
                }
                diagnostics.warning(k.range(), "duplicate-key", message + "; GitLab uses this one");
            }
            local.put(k.value(), new YamlMap.Entry(k, value));
        }
        // Merged keys never replace local keys; earlier merge sources win over later ones.
        for (YamlMap source : merges) {
            for (YamlMap.Entry e : source.entries()) {
                local.putIfAbsent(e.name(), e);
            }
        }
        return new YamlMap(local, customTag(node.getTag()), range(node));
    }

    private void collectMerges(YamlNode value, List<YamlMap> merges) {
        if (value instanceof YamlMap map) {
            merges.add(map);
        } else if (value instanceof YamlSeq seq) {
            for (YamlNode item : seq.items()) {
                if (item instanceof YamlMap map) {
                    merges.add(map);
                } else {
                    diagnostics.error(item.range(), "yaml", "a merge key '<<' takes mappings, not " + item.describe());
                }
            }
        } else {
            diagnostics.error(value.range(), "yaml",
                    "a merge key '<<' takes a mapping or a list of mappings, not " + value.describe());
        }
    }

    private SourceRange range(Node node) {
        Optional<Mark> start = node.getStartMark();
        Optional<Mark> end = node.getEndMark();
        if (start.isEmpty()) {
            return SourceRange.startOf(file);
        }
        Mark s = start.get();
        Mark e = end.orElse(s);
        return new SourceRange(file, s.getLine() + 1, s.getColumn() + 1, e.getLine() + 1, e.getColumn() + 1);
    }

    private static String customTag(Tag tag) {
        // snakeyaml-engine resolves a plain ${NAME} to its own !ENV_VARIABLE tag; in CI files
        // that is an ordinary string (GitLab's ${CI_COMMIT_REF_SLUG}), never a tag the user wrote.
        if (Tag.ENV_TAG.equals(tag)) {
            return null;
        }
        String value = tag.getValue();
        return value.startsWith(Tag.PREFIX) ? null : value;
    }

    private static SourceRange markRange(String file, MarkedYamlEngineException e) {
        Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
        return mark.map(m -> SourceRange.at(file, m.getLine() + 1, m.getColumn() + 1))
                .orElse(SourceRange.startOf(file));
    }

    private static String syntaxMessage(MarkedYamlEngineException e) {
        String problem = e.getProblem();
        String context = e.getContext();
        String text = problem != null ? problem : firstLine(e.getMessage());
        if (context != null && !context.isBlank()) {
            text = context + ": " + text;
        }
        return "YAML syntax: " + text.strip();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "YAML syntax error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}

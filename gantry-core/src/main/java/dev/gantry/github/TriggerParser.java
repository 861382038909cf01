package dev.gantry.github;

import dev.gantry.match.CronSchedule;
import dev.gantry.model.EventTrigger;
import dev.gantry.model.Input;
import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;
import dev.gantry.yaml.YamlSeq;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code on} key ("Workflow syntax for GitHub Actions#on", "Triggering a workflow"): one event
 * name, a list of names, or a mapping of events to their filters and settings. Checks event names,
 * activity types ({@link EventCatalog}), that an event takes the filters written under it, that a
 * filter and its {@code -ignore} twin are not both used ("You cannot use both the branches and
 * branches-ignore filters for the same event"), and {@code schedule} crons ({@link CronSchedule}).
 */
final class TriggerParser {

    /** Filter keys in the order they are kept in {@link EventTrigger#filters()}. */
    private static final List<String> FILTERS = List.of("branches", "branches-ignore", "tags", "tags-ignore",
            "paths", "paths-ignore", "workflows");
    private static final List<String> TWINNED = List.of("branches", "tags", "paths");

    /**
     * What {@code on} gives the workflow.
     *
     * @param events      the events in document order
     * @param callOutputs {@code workflow_call.outputs} name to value, empty when none
     * @param callSecrets {@code workflow_call.secrets} name to required, empty when none
     */
    record On(List<EventTrigger> events, Map<String, String> callOutputs, Map<String, Boolean> callSecrets) {
    }

    private final NodeReader reader;
    private final InputsParser inputs;
    private Map<String, String> callOutputs = new LinkedHashMap<>();
    private Map<String, Boolean> callSecrets = new LinkedHashMap<>();

    TriggerParser(NodeReader reader) {
        this.reader = reader;
        this.inputs = new InputsParser(reader);
    }

    /** Parses the value of the {@code on} entry. */
    On parse(YamlMap.Entry on) {
        List<EventTrigger> events = new ArrayList<>();
        YamlNode node = on.value();
        if (NodeReader.absent(node)) {
            reader.diagnostics().error(on.key().range(), Rules.MISSING_ON, "'on' names no event; the workflow would never run");
        } else if (node instanceof YamlScalar s) {
            named(s, events);
        } else if (node instanceof YamlSeq seq) {
            Set<String> seen = new HashSet<>();
            for (YamlNode item : seq.items()) {
                if (!(item instanceof YamlScalar s) || s.isNull()) {
                    reader.wrongType(item, "an item of 'on'", "an event name");
                } else if (!seen.add(s.value())) {
                    reader.diagnostics().error(s.range(), Rules.DUPLICATE_EVENT, "event '" + s.value() + "' is listed twice");
                } else {
                    named(s, events);
                }
            }
        } else if (node instanceof YamlMap map) {
            for (YamlMap.Entry e : map.entries()) {
                configured(e, events);
            }
        }
        if (node instanceof YamlSeq seq && seq.items().isEmpty() || node instanceof YamlMap map && map.size() == 0) {
            reader.diagnostics().error(on.key().range(), Rules.MISSING_ON, "'on' names no event; the workflow would never run");
        }
        return new On(events, callOutputs, callSecrets);
    }

    /** An event given by name only (string and list forms). */
    private void named(YamlScalar name, List<EventTrigger> events) {
        if (known(name) == null) {
            return;
        }
        if ("schedule".equals(name.value())) {
            reader.diagnostics().error(name.range(), Rules.MISSING_KEY,
                    "event 'schedule' needs a list of crons (on: schedule: - cron: ...)");
            return;
        }
        if ("workflow_run".equals(name.value())) {
            reader.diagnostics().error(name.range(), Rules.MISSING_KEY, "event 'workflow_run' needs 'workflows'");
        }
        events.add(new EventTrigger(name.value(), List.of(), Map.of(), List.of(), List.of(), name.range()));
    }

    private EventCatalog.Event known(YamlScalar name) {
        EventCatalog.Event event = EventCatalog.event(name.value()).orElse(null);
        if (event == null) {
            reader.diagnostics().error(name.range(), Rules.UNKNOWN_EVENT, "unknown event '" + name.value() + "'"
                    + Keywords.hint(name.value(), EventCatalog.names()));
        }
        return event;
    }

    /** An event of the mapping form, with its settings. */
    private void configured(YamlMap.Entry entry, List<EventTrigger> events) {
        EventCatalog.Event event = known(entry.key());
        if (event == null) {
            return;
        }
        String name = entry.name();
        String where = "event '" + name + "'";
        if ("schedule".equals(name)) {
            events.add(new EventTrigger(name, List.of(), Map.of(), crons(entry), List.of(), entry.key().range()));
            return;
        }
        YamlMap map = reader.map(entry.value(), where);
        if (map == null) {
            if ("workflow_run".equals(name)) {
                reader.diagnostics().error(entry.key().range(), Rules.MISSING_KEY, where + " needs 'workflows'");
            }
            events.add(new EventTrigger(name, List.of(), Map.of(), List.of(), List.of(), entry.key().range()));
            return;
        }
        Keywords.check(map, event.keys(), where, reader.diagnostics());
        List<String> types = types(map.get("types"), event, where);
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String filter : FILTERS) {
            if (map.has(filter) && event.keys().contains(filter)) {
                filters.put(filter, reader.texts(map.get(filter), NodeReader.keyOf(filter, where)));
            }
        }
        for (String filter : TWINNED) {
            if (map.has(filter) && map.has(filter + "-ignore")) {
                reader.diagnostics().error(map.entry(filter + "-ignore").key().range(), Rules.CONFLICTING_FILTERS,
                        where + " has both '" + filter + "' and '" + filter + "-ignore'; use '" + filter
                                + "' with '!' patterns instead");
            }
        }
        if ("workflow_run".equals(name) && !filters.containsKey("workflows")) {
            reader.diagnostics().error(entry.key().range(), Rules.MISSING_KEY, where + " needs 'workflows'");
        }
        List<Input> eventInputs = List.of();
        if (event.keys().contains("inputs")) {
            eventInputs = inputs.inputs(map.get("inputs"), name);
        }
        if ("workflow_call".equals(name)) {
            callOutputs = inputs.callOutputs(map.get("outputs"));
            callSecrets = inputs.callSecrets(map.get("secrets"));
        }
        events.add(new EventTrigger(name, types, filters, List.of(), eventInputs, entry.key().range()));
    }

    private List<String> types(YamlNode node, EventCatalog.Event event, String where) {
        List<String> out = new ArrayList<>();
        if (!event.keys().contains("types")) {
            return out;
        }
        for (YamlScalar type : reader.scalars(node, NodeReader.keyOf("types", where))) {
            if (event.types() != null && !event.types().contains(type.value())) {
                reader.diagnostics().error(type.range(), Rules.UNKNOWN_ACTIVITY_TYPE, "unknown activity type '"
                        + type.value() + "' of " + where + Keywords.hint(type.value(), event.types()));
            }
            out.add(type.value());
        }
        return out;
    }

    /** {@code schedule: [{cron: "..."}, ...]}: the cron expressions, each checked. */
    private List<String> crons(YamlMap.Entry schedule) {
        List<String> out = new ArrayList<>();
        String what = "'schedule'";
        YamlNode node = schedule.value();
        if (!(node instanceof YamlSeq seq)) {
            if (NodeReader.absent(node)) {
                reader.diagnostics().error(schedule.key().range(), Rules.MISSING_KEY,
                        "'schedule' needs a list of crons (- cron: ...)");
            } else {
                reader.wrongType(node, what, "a list of crons (- cron: ...)");
            }
            return out;
        }
        for (YamlNode item : seq.items()) {
            YamlMap map = reader.map(item, "an item of " + what);
            if (map == null) {
                continue;
            }
            Keywords.check(map, Keywords.SCHEDULE, "an item of " + what, reader.diagnostics());
            String cron = reader.text(map.get("cron"), "'cron' of " + what);
            if (cron == null) {
                reader.diagnostics().error(map.range(), Rules.MISSING_KEY, "an item of " + what + " needs a 'cron'");
                continue;
            }
            CronSchedule.Parsed parsed = CronSchedule.parse(cron);
            if (!parsed.ok()) {
                reader.diagnostics().error(map.get("cron").range(), Rules.INVALID_CRON,
                        "invalid cron '" + cron + "': " + parsed.error().message());
            } else {
                parsed.schedule().warnings().forEach(w ->
                        reader.diagnostics().warning(map.get("cron").range(), Rules.INVALID_CRON, w));
            }
            out.add(cron);
        }
        return out;
    }
}

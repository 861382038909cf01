package dev.gantry.expr.gitlab;

import dev.gantry.model.Variable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable, ordered set of GitLab CI/CD variables: name to value, each marked as expanded (the
 * default) or raw ({@code expand: false}, "CI/CD variables#Prevent CI/CD variable expansion",
 * docs.gitlab.com). Order is the order of first definition; redefining a name replaces its value
 * and keeps its place.
 *
 * <p>A name that is absent is <em>undefined</em>, which differs from a name defined with the empty
 * string: {@code $UNDEFINED == null} is true while {@code $EMPTY == null} is false ("CI/CD variable
 * expressions"). Values are never null.
 */
public final class Variables {

    /**
     * One variable.
     *
     * @param name  the variable name
     * @param value the value as given, never null
     * @param raw   true for {@code expand: false}: {@code $} in the value is never a reference
     */
    public record Entry(String name, String value, boolean raw) {
        public Entry {
            value = value == null ? "" : value;
        }
    }

    private static final Variables EMPTY = new Variables(Map.of());

    private final Map<String, Entry> entries;

    private Variables(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /** No variables. */
    public static Variables empty() {
        return EMPTY;
    }

    /** Expanded variables from a map, in the map's iteration order; a null value counts as ''. */
    public static Variables of(Map<String, String> values) {
        List<Entry> list = new ArrayList<>(values.size());
        values.forEach((name, value) -> list.add(new Entry(name, value, false)));
        return fromEntries(list);
    }

    /**
     * Expanded variables from alternating names and values: {@code of("A", "1", "B", "2")}. For code
     * and tests; an odd number of arguments is a programming error (IllegalArgumentException).
     */
    public static Variables of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return of(map);
    }

    /** Variables from entries in order; a later entry with the same name replaces an earlier one. */
    public static Variables fromEntries(List<Entry> list) {
        Map<String, Entry> map = new LinkedHashMap<>();
        list.forEach(e -> map.put(e.name(), e));
        return new Variables(Collections.unmodifiableMap(map));
    }

    /** Variables as the model holds them ({@code variables:} of a pipeline, job or rule). */
    public static Variables fromModel(List<Variable> variables) {
        return fromEntries(variables.stream().map(v -> new Entry(v.name(), v.value(), !v.expand())).toList());
    }

    /** A copy with {@code name} set to an expanded {@code value}. */
    public Variables with(String name, String value) {
        return with(new Entry(name, value, false));
    }

    /** A copy with {@code name} set to a raw ({@code expand: false}) {@code value}. */
    public Variables withRaw(String name, String value) {
        return with(new Entry(name, value, true));
    }

    /** A copy with one entry added or replaced. */
    public Variables with(Entry entry) {
        Map<String, Entry> map = new LinkedHashMap<>(entries);
        map.put(entry.name(), entry);
        return new Variables(Collections.unmodifiableMap(map));
    }

    /** A copy where every variable of {@code overrides} replaces the one of the same name here. */
    public Variables overriddenBy(Variables overrides) {
        if (overrides.entries.isEmpty()) {
            return this;
        }
        Map<String, Entry> map = new LinkedHashMap<>(entries);
        map.putAll(overrides.entries);
        return new Variables(Collections.unmodifiableMap(map));
    }

    /** The value of {@code name}, or null when it is undefined. */
    public String value(String name) {
        Entry e = entries.get(name);
        return e == null ? null : e.value();
    }

    /** The entry of {@code name}, or null when it is undefined. */
    public Entry entry(String name) {
        return entries.get(name);
    }

    public boolean isDefined(String name) {
        return entries.containsKey(name);
    }

    /** Names in order of first definition. */
    public Set<String> names() {
        return entries.keySet();
    }

    /** Entries in order of first definition. */
    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** Names to values in order, for an environment or a JSON dump. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        entries.forEach((name, e) -> map.put(name, e.value()));
        return Collections.unmodifiableMap(map);
    }

    public int size() {
        return entries.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Variables other && entries.equals(other.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    /** The names only: values may be secrets and must not reach a log through this. */
    @Override
    public String toString() {
        return "Variables" + entries.keySet();
    }
}

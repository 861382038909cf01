package dev.gantry.expr.github;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The array an object filter ({@code .*}) yields. It is an ordinary list to every reader, but a
 * further {@code .name} or {@code [i]} applied to it reaches into each element instead of
 * selecting one, which is how {@code github.event.commits.*.author.name} collects every author
 * ("Evaluate expressions in workflows and actions#object-filters"). Elements that lack the property
 * are left out rather than yielding null, as in the runner.
 */
final class FilteredArray extends AbstractList<Object> implements RandomAccess {

    private final List<Object> items = new ArrayList<>();

    void append(Object item) {
        items.add(item);
    }

    @Override
    public Object get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }
}

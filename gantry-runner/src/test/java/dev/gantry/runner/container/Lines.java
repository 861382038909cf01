package dev.gantry.runner.container;

import java.util.ArrayList;
import java.util.List;

/** An {@link ExecListener} that keeps what it got, as {@code OUT line} and {@code ERR line}. */
final class Lines implements ExecListener {

    final List<String> all = new ArrayList<>();

    @Override
    public synchronized void line(ExecStream stream, String line) {
        all.add((stream == ExecStream.STDOUT ? "OUT " : "ERR ") + line);
    }

    synchronized List<String> stdout() {
        return all.stream().filter(l -> l.startsWith("OUT ")).map(l -> l.substring(4)).toList();
    }

    synchronized List<String> snapshot() {
        return new ArrayList<>(all);
    }
}

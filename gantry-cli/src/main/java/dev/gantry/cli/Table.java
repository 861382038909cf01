package dev.gantry.cli;

import java.io.PrintStream;
import java.util.List;

/** Prints rows as left-aligned columns separated by two spaces. */
final class Table {

    private Table() {
    }

    static void print(List<String[]> rows, PrintStream out) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] row : rows) {
            for (int i = 0; i < cols; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < cols; i++) {
                line.append(row[i]);
                if (i < cols - 1) {
                    line.append(" ".repeat(width[i] - row[i].length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}

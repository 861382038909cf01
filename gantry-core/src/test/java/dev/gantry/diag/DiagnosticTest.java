package dev.gantry.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticTest {

    private static Diagnostic at(String file, int line, int column, String message) {
        return new Diagnostic(Severity.ERROR, SourceRange.at(file, line, column), message, "rule");
    }

    @Test
    void printOrderIsFileThenLineThenColumnThenMessage() {
        Diagnostic b1 = at("b.yml", 1, 1, "x");
        Diagnostic a9 = at("a.yml", 9, 1, "x");
        Diagnostic a2col5 = at("a.yml", 2, 5, "x");
        Diagnostic a2col3z = at("a.yml", 2, 3, "z");
        Diagnostic a2col3a = at("a.yml", 2, 3, "a");
        Diagnostics all = new Diagnostics();
        List.of(b1, a9, a2col5, a2col3z, a2col3a, a9).forEach(all::add);

        assertThat(all.sorted()).containsExactly(a2col3a, a2col3z, a2col5, a9, b1);
    }
}

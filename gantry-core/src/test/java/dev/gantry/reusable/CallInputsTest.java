package dev.gantry.reusable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.diag.SourceRange;
import dev.gantry.model.Input;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallInputsTest {

    private static Input input(String type) {
        return new Input("x", type, null, false, null, List.of(), SourceRange.startOf("w.yml"));
    }

    @Test
    void writtenTextIsReadByTheInputsType() {
        assertThat(CallInputs.typed(input("boolean"), "TRUE", true).value()).isEqualTo(true);
        assertThat(CallInputs.typed(input("number"), "2.5", true).value()).isEqualTo(2.5);
        assertThat(CallInputs.typed(input("string"), "007", true).value()).isEqualTo("007");
        assertThat(CallInputs.typed(input("number"), "two", true).problem()).isEqualTo("input 'x' is a number, and 'two' is not");
    }

    @Test
    void anExpressionsValueMustAlreadyHaveTheType() {
        assertThat(CallInputs.typed(input("boolean"), "true", false).problem())
                .isEqualTo("input 'x' is a boolean, and 'true' is not");
        assertThat(CallInputs.typed(input("number"), 3d, false).value()).isEqualTo(3d);
        assertThat(CallInputs.typed(input("number"), true, false).problem()).isEqualTo("input 'x' is a number, and boolean true is not");
        assertThat(CallInputs.typed(input("string"), 3d, false).value()).isEqualTo("3");
        assertThat(CallInputs.typed(input("string"), Map.of("a", 1), false).ok()).isFalse();
    }

    @Test
    void anInputWithoutValueOrDefaultIsEmptyByType() {
        assertThat(CallInputs.empty(input("boolean"))).isEqualTo(false);
        assertThat(CallInputs.empty(input("number"))).isEqualTo(0d);
        assertThat(CallInputs.empty(input("string"))).isEqualTo("");
    }
}

package dev.gantry.expr.gitlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** docs.gitlab.com "CI/CD variables#CI/CD variable precedence": the higher layer wins. */
class VariableScopeTest {

    static Stream<Arguments> pairs() {
        return Stream.of(
                arguments(VariableLayer.PREDEFINED, VariableLayer.PIPELINE_YAML),
                arguments(VariableLayer.PIPELINE_YAML, VariableLayer.JOB_YAML),
                arguments(VariableLayer.JOB_YAML, VariableLayer.RULE),
                arguments(VariableLayer.RULE, VariableLayer.DOTENV),
                arguments(VariableLayer.JOB_YAML, VariableLayer.INSTANCE),
                arguments(VariableLayer.INSTANCE, VariableLayer.GROUP),
                arguments(VariableLayer.GROUP, VariableLayer.PROJECT),
                arguments(VariableLayer.PROJECT, VariableLayer.PIPELINE_RUN),
                arguments(VariableLayer.PREDEFINED, VariableLayer.PIPELINE_RUN));
    }

    @ParameterizedTest(name = "{1} overrides {0}")
    @MethodSource("pairs")
    void higherLayerWins(VariableLayer lower, VariableLayer higher) {
        Variables merged = VariableScope.merge(Map.of(
                higher, Variables.of("V", "high"),
                lower, Variables.of("V", "low", "ONLY_LOW", "kept")));
        assertThat(merged.value("V")).isEqualTo("high");
        assertThat(merged.value("ONLY_LOW")).isEqualTo("kept");
    }

    /** The docs' example: a job's API_TOKEN beats the top-level default. */
    @Test
    void jobVariableBeatsTheDefault() {
        Variables merged = VariableScope.merge(Map.of(
                VariableLayer.PIPELINE_YAML, Variables.of("API_TOKEN", "default"),
                VariableLayer.JOB_YAML, Variables.of("API_TOKEN", "secure")));
        assertThat(VariableExpander.expand("The variable is '$API_TOKEN'", merged))
                .isEqualTo("The variable is 'secure'");
    }

    @Test
    void theWinnerBringsItsRawFlagAndNamesKeepFirstOrder() {
        Variables merged = VariableScope.merge(Map.of(
                VariableLayer.PIPELINE_RUN, Variables.empty().withRaw("B", "$raw"),
                VariableLayer.PREDEFINED, Variables.of("A", "1", "B", "2")));
        assertThat(merged.names()).containsExactly("A", "B");
        assertThat(merged.entry("B").raw()).isTrue();
        assertThat(VariableExpander.expand("$B", merged)).isEqualTo("$raw");
    }
}

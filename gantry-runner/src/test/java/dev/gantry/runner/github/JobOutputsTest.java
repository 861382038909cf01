package dev.gantry.runner.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JobOutputsTest {

    @SuppressWarnings("unchecked")
    private static Map<String, String> outputsOf(JobOutputs outputs, String job) {
        return (Map<String, String>) outputs.needsEntry(job).get("outputs");
    }

    @Test
    void theLegsOfAMatrixAreCombinedAndALegThatLeavesAnOutputEmptyKeepsAnEarlierValue() {
        JobOutputs outputs = new JobOutputs();
        outputs.record("m", Map.of("v1var", "v1", "v2var", ""));
        outputs.record("m", Map.of("v1var", "", "v2var", "v2"));
        assertThat(outputsOf(outputs, "m")).containsExactlyInAnyOrderEntriesOf(Map.of("v1var", "v1", "v2var", "v2"));
    }

    @Test
    void aLaterLegThatSetsAValueReplacesAnEarlierOne() {
        JobOutputs outputs = new JobOutputs();
        outputs.record("m", Map.of("os", "linux"));
        outputs.record("m", Map.of("os", "windows"));
        assertThat(outputsOf(outputs, "m")).containsExactly(Map.entry("os", "windows"));
    }

    @Test
    void anEmptyOutputIsNotPassedOnAtAll() {
        JobOutputs outputs = new JobOutputs();
        outputs.record("j", Map.of("empty", "", "set", "x"));
        assertThat(outputsOf(outputs, "j")).containsExactly(Map.entry("set", "x"));
    }
}

package dev.gantry.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The predefined interpolation functions and the block syntax around them. */
class InputFunctionsTest {

    @Test
    void truncateCountsCharactersAndStopsAtTheEnd() {
        assertThat(InputFunctions.truncate("0123456789", 3, 5)).isEqualTo("34567");
        assertThat(InputFunctions.truncate("0123456789", 8, 5)).isEqualTo("89");
        assertThat(InputFunctions.truncate("0123456789", 10, 1)).isEmpty();
        assertThat(InputFunctions.truncate("0123456789", 99, 1)).isEmpty();
        assertThat(InputFunctions.truncate("a😀b", 1, 1)).isEqualTo("😀");
    }

    @Test
    void posixEscapeBackslashesEverythingButPlainCharacters() {
        assertThat(InputFunctions.posixEscape("v1.2_x-y,z:+/@")).isEqualTo("v1.2_x-y,z:+/@");
        assertThat(InputFunctions.posixEscape("a b;$(rm)")).isEqualTo("a\\ b\\;\\$\\(rm\\)");
        assertThat(InputFunctions.posixEscape("l1\nl2")).isEqualTo("l1'\n'l2");
        assertThat(InputFunctions.posixEscape("é")).isEqualTo("\\é");
        assertThat(InputFunctions.posixEscape("")).isEqualTo("''");
    }

    @Test
    void expandVarsLeavesVariablesForTheRun() {
        assertThat(InputFunctions.expandVars("test $MY_VAR")).isEqualTo("test $MY_VAR");
    }

    @Test
    void blocksParseAccessAndUpToThreeFunctions() {
        InterpolationBlock block = InterpolationBlock.parse("  inputs.job-stage | expand_vars|truncate( 1 , 2 ) ").block();
        assertThat(block.context()).isEqualTo("inputs");
        assertThat(block.name()).isEqualTo("job-stage");
        assertThat(block.calls()).containsExactly(new InterpolationBlock.Call("expand_vars", 0, 0),
                new InterpolationBlock.Call("truncate", 1, 2));
        assertThat(InterpolationBlock.parse("inputs.a.b").error()).contains("write inputs.NAME");
        assertThat(InterpolationBlock.parse("inputs.a | posix_escpe").error()).endsWith("did you mean 'posix_escape'?");
        assertThat(InterpolationBlock.parse("inputs.a |").error()).isEqualTo("a '|' without a function after it");
        assertThat(InterpolationBlock.parse("inputs.a | truncate(-1,2)").error()).contains("two whole numbers");
    }
}

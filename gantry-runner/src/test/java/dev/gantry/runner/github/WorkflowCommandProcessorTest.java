package dev.gantry.runner.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.runner.github.WorkflowCommandProcessor.Execute;
import dev.gantry.runner.github.WorkflowCommandProcessor.Handled;
import dev.gantry.runner.github.WorkflowCommandProcessor.Outcome;
import dev.gantry.runner.github.WorkflowCommandProcessor.Print;
import dev.gantry.runner.github.WorkflowCommandProcessor.Refuse;
import org.junit.jupiter.api.Test;

class WorkflowCommandProcessorTest {

    private final WorkflowCommandProcessor processor = new WorkflowCommandProcessor();

    private Execute execute(String line) {
        Outcome outcome = processor.process(line);
        assertThat(outcome).isInstanceOf(Execute.class);
        return (Execute) outcome;
    }

    private Refuse refuse(String line) {
        Outcome outcome = processor.process(line);
        assertThat(outcome).isInstanceOf(Refuse.class);
        return (Refuse) outcome;
    }

    @Test
    void ordinaryLinesArePrinted() {
        assertThat(processor.process("hello")).isEqualTo(new Print("hello"));
        assertThat(processor.process("::nope::x")).isEqualTo(new Print("::nope::x"));
    }

    @Test
    void commandsAreExecutedWithoutEchoByDefault() {
        for (String line : new String[] {"::group::Build", "::endgroup::", "::debug::d", "::error::e",
                "::warning::w", "::notice::n", "::add-matcher::m.json", "::remove-matcher owner=x::"}) {
            Execute e = execute(line);
            assertThat(e.echo()).as(line).isFalse();
            assertThat(e.deprecation()).isEmpty();
            assertThat(e.line()).isEqualTo(line);
        }
    }

    @Test
    void addMaskIsExecutedAndNeverEchoed() {
        processor.process("::echo::on");
        Execute e = execute("::add-mask::hunter2");
        assertThat(e.command().message()).isEqualTo("hunter2");
        assertThat(e.echo()).isFalse();
    }

    @Test
    void echoOnAndOffChangeWhetherLaterCommandsAreShown() {
        assertThat(processor.process("::echo::on")).isEqualTo(new Handled("::echo::on", true));
        assertThat(execute("::debug::x").echo()).isTrue();
        assertThat(processor.process("::echo::OFF")).isEqualTo(new Handled("::echo::OFF", false));
        assertThat(execute("::debug::x").echo()).isFalse();
        assertThat(refuse("::echo::loud").message()).contains("'on' or 'off'");
        assertThat(new WorkflowCommandProcessor(false, true).process("::debug::x"))
                .isInstanceOfSatisfying(Execute.class, e -> assertThat(e.echo()).isTrue());
    }

    @Test
    void stopCommandsTurnsCommandsIntoOutputUntilTheToken() {
        assertThat(processor.process("::stop-commands::tok-123")).isInstanceOf(Handled.class);
        assertThat(processor.stopped()).isTrue();
        assertThat(processor.process("::error::not an error")).isEqualTo(new Print("::error::not an error"));
        assertThat(processor.process("::stop-commands::other")).isEqualTo(new Print("::stop-commands::other"));
        assertThat(processor.process("::tok-1234::")).as("the token must match exactly").isInstanceOf(Print.class);
        assertThat(processor.process("::TOK-123::")).isInstanceOf(Print.class);
        assertThat(processor.process("  ::tok-123::")).isEqualTo(new Handled("  ::tok-123::", false));
        assertThat(processor.stopped()).isFalse();
        assertThat(execute("::error::an error again").command().name()).isEqualTo("error");
    }

    @Test
    void stopCommandsNeedsAUsableToken() {
        assertThat(refuse("::stop-commands::").message()).contains("token");
        assertThat(refuse("::stop-commands::warning").message()).contains("name of a command");
        assertThat(processor.stopped()).isFalse();
    }

    @Test
    void setEnvAndAddPathAreDisabled() {
        assertThat(refuse("::set-env name=A::1").message()).contains("disabled").contains("GITHUB_ENV");
        assertThat(refuse("::add-path::/opt/bin").message()).contains("disabled").contains("GITHUB_PATH");
    }

    @Test
    void setEnvAndAddPathWorkWhenUnsecureCommandsAreAllowed() {
        WorkflowCommandProcessor allowing = new WorkflowCommandProcessor(true, false);
        assertThat(allowing.process("::set-env name=A::1")).isInstanceOfSatisfying(Execute.class,
                e -> assertThat(e.command().property("name")).hasValue("A"));
        assertThat(allowing.process("::add-path::/opt/bin")).isInstanceOf(Execute.class);
        assertThat(allowing.process("::set-env::1")).isInstanceOf(Refuse.class);
    }

    @Test
    void setOutputAndSaveStateWorkWithADeprecationWarning() {
        Execute output = execute("::set-output name=result::a%0Ab");
        assertThat(output.command().property("name")).hasValue("result");
        assertThat(output.command().message()).isEqualTo("a\nb");
        assertThat(output.deprecation()).hasValueSatisfying(w -> assertThat(w).contains("GITHUB_OUTPUT"));
        Execute state = execute("::save-state name=pid::42");
        assertThat(state.deprecation()).hasValueSatisfying(w -> assertThat(w).contains("GITHUB_STATE"));
        assertThat(refuse("::set-output::no name").message()).contains("name");
        assertThat(refuse("::save-state::no name").message()).contains("name");
    }
}

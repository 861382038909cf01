package dev.gantry.expr.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "Contexts reference#context-availability": the table, and what lint learns from it. */
class ContextAvailabilityTest {

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', value = {
        // key path | expression | contexts and functions reported ('-' for none)
        "run-name | github.ref | -",
        "run-name | secrets.TOKEN | secrets",
        "run-name | format('{0} {1}', inputs.x, vars.y) | -",
        "concurrency | github.workflow | -",
        "concurrency.group | needs.a.result | needs",
        "env.FOO | secrets.TOKEN | -",
        "env.FOO | matrix.os | matrix",
        "env | hashFiles('x') | hashFiles",
        "jobs.build.if | github.ref == 'x' && needs.a.result == 'success' | -",
        "jobs.build.if | vars.ON && inputs.go | -",
        "jobs.build.if | matrix.os == 'x' | matrix",
        "jobs.build.if | steps.a.outcome | steps",
        "jobs.build.if | always() | -",
        "jobs.build.if | failure() || cancelled() || success() | -",
        "jobs.build.if | hashFiles('a') | hashFiles",
        "jobs.build.if | secrets.TOKEN != '' | secrets",
        "jobs.build.if | env.X | env",
        "jobs.build.if | matrix.os == secrets.TOKEN && hashFiles('x') | matrix secrets hashFiles",
        "jobs.<job_id>.if | strategy.job-index | strategy",
        "jobs.build.steps.if | steps.a.outcome == 'success' && matrix.os | -",
        "jobs.build.steps.if | hashFiles('**/x') != '' && always() | -",
        "jobs.build.steps.if | secrets.TOKEN | secrets",
        "jobs.build.steps.2.if | secrets.TOKEN | secrets",
        "jobs.build.steps[2].if | job.status == 'success' && runner.os | -",
        "jobs.<job_id>.steps.if | success() | -",
        "jobs.build.steps.if | jobs.x | jobs",
        "jobs.build.steps.run | secrets.TOKEN | -",
        "jobs.build.steps.run | success() | success",
        "jobs.build.steps.with.args | hashFiles('x') | -",
        "jobs.build.steps.with.args | always() | always",
        "jobs.build.steps.env.X | steps.a.outputs.b | -",
        "jobs.build.steps.name | jobs.a | jobs",
        "jobs.build.steps.continue-on-error | hashFiles('x') == '' | -",
        "jobs.build.steps.timeout-minutes | fromJSON(env.T) | -",
        "jobs.build.steps.working-directory | runner.temp | -",
        "jobs.build.runs-on | matrix.os | -",
        "jobs.build.runs-on | steps.a.outputs.x | steps",
        "jobs.build.runs-on | runner.os | runner",
        "jobs.build.strategy.matrix.os | fromJSON(needs.a.outputs.m) | -",
        "jobs.build.strategy | matrix.os | matrix",
        "jobs.build.env.X | secrets.X | -",
        "jobs.build.env.X | env.Y | env",
        "jobs.build.env.X | runner.os | runner",
        "jobs.build.container.image | matrix.image | -",
        "jobs.build.container.image | secrets.X | secrets",
        "jobs.build.container.credentials.password | secrets.X | -",
        "jobs.build.container.env.FOO | runner.temp | -",
        "jobs.build.container.options | env.X | env",
        "jobs.build.services.db.env.PW | secrets.PW | -",
        "jobs.build.services.db.image | secrets.PW | secrets",
        "jobs.build.services.db.credentials.username | env.U | -",
        "jobs.build.outputs.v | steps.a.outputs.v | -",
        "jobs.build.outputs.v | hashFiles('a') | hashFiles",
        "jobs.build.environment.url | steps.deploy.outputs.url | -",
        "jobs.build.environment.name | steps.deploy.outputs.url | steps",
        "jobs.build.timeout-minutes | fromJSON(vars.T) | -",
        "jobs.build.continue-on-error | matrix.experimental | -",
        "jobs.build.continue-on-error | steps.a.outcome | steps",
        "jobs.build.defaults.run.shell | env.SHELL | -",
        "jobs.build.with.x | needs.a.outputs.v | -",
        "jobs.build.with.x | secrets.X | secrets",
        "jobs.build.secrets.X | secrets.Y | -",
        "jobs.build.name | matrix.os | -",
        "jobs.build.name | env.X | env",
        "jobs.build.concurrency.group | matrix.os | -",
        "on.workflow_call.inputs.x.default | github.ref | -",
        "on.workflow_call.inputs.x.default | needs.a | needs",
        "on.workflow_call.outputs.y.value | jobs.build.outputs.v | -",
        "on.workflow_call.outputs.y.value | needs.a | needs",
        "jobs.build.steps.uses | secrets.X | -",
        "name | secrets.X | -",
    })
    void reportsWhatTheKeyDoesNotAllow(String key, String expression, String expected) {
        Expression e = Expression.parse(expression).value();
        List<String> names = ContextAvailability.check(key, e).stream().map(ContextAvailability.Problem::name)
                .toList();
        assertThat(names).isEqualTo(expected.equals("-") ? List.of() : List.of(expected.split(" ")));
    }

    @Test
    void aProblemPointsAtTheUseAndSaysWhatIsAllowed() {
        Expression e = Expression.parse("matrix.os == secrets.TOKEN").value();
        List<ContextAvailability.Problem> problems = ContextAvailability.check("jobs.build.steps.if", e);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.start()).isEqualTo(13);
            assertThat(p.end()).isEqualTo(20);
            assertThat(p.message()).isEqualTo("context 'secrets' is not available in jobs.<job_id>.steps.if;"
                    + " available there: github, env, vars, job, steps, runner, strategy, matrix, needs, inputs");
        });
    }

    @Test
    void keysResolveToTheLongestDocumentedPrefix() {
        assertThat(ContextAvailability.forKey("jobs.build.container.env.FOO").orElseThrow().key())
                .isEqualTo("jobs.<job_id>.container.env.<env_id>");
        assertThat(ContextAvailability.forKey("jobs.build.container.options").orElseThrow().key())
                .isEqualTo("jobs.<job_id>.container");
        assertThat(ContextAvailability.forKey("jobs.build.steps.3.with.args").orElseThrow().key())
                .isEqualTo("jobs.<job_id>.steps.with");
        assertThat(ContextAvailability.forKey("jobs.build.steps.uses")).isEmpty();
    }

    @Test
    void theTableHasEveryDocumentedRow() {
        assertThat(ContextAvailability.table()).hasSize(34);
        assertThat(ContextAvailability.table()).extracting(ContextAvailability.Entry::key).doesNotHaveDuplicates();
    }
}

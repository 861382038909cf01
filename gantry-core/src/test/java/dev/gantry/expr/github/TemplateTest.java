package dev.gantry.expr.github;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "Evaluate expressions in workflows and actions#about-expressions": {@code ${{ }}} anywhere in a
 * string value, several per string, values turned into strings as "#functions" describes.
 */
class TemplateTest {

    private static EvalContext ctx;

    @BeforeAll
    static void contexts() throws Exception {
        ctx = ExpressionCasesTest.contexts();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', value = {
        "plain text                                  | plain text",
        "${{ github.sha }}-${{ matrix.os }}          | abc123-ubuntu-latest",
        "v${{ matrix.node }}                         | v16",
        "${{ 1 }}${{ 2 }}                            | 12",
        "a ${{ null }} b                             | a  b",
        "${{ true }} and ${{ github.event }}         | true and Object",
        "${{ '}}' }}                                 | }}",
        "${{ 'a''}}' }} b                            | a'}} b",
        "${{ '${{ not evaluated }}' }}               | ${{ not evaluated }}",
        "}} ${{ 1 }}                                 | }} 1",
        "$${{ 1 }}                                   | $1",
        "${{ format('{{0}}', 'x') }}!                | {0}!",
        "echo ${{ 1.50 }} ${{ -0 }} ${{ 1e15 }}      | echo 1.5 0 1E+15",
    })
    void interpolatesEveryExpression(String value, String expected) {
        assertThat(Template.parse(value).value().evaluateToString(ctx).value()).isEqualTo(expected);
    }

    @Test
    void aValueThatIsOneExpressionKeepsItsType() {
        assertThat(Template.parse("${{ matrix.node }}").value().evaluate(ctx).value()).isEqualTo(16.0);
        assertThat(Template.parse("${{ inputs.flag }}").value().evaluate(ctx).value()).isEqualTo(false);
        assertThat(Template.parse("x${{ inputs.flag }}").value().evaluate(ctx).value()).isEqualTo("xfalse");
    }

    @Test
    void partsCarryTheirOffsets() {
        Template t = Template.parse("${{ github.sha }}-${{ matrix.os }}").value();
        assertThat(t.parts()).hasSize(3);
        assertThat(t.parts().get(0)).isInstanceOfSatisfying(Template.Embedded.class, e -> {
            assertThat(e.start()).isZero();
            assertThat(e.end()).isEqualTo(17);
            assertThat(e.textStart()).isEqualTo(4);
            assertThat(e.expression().text()).isEqualTo("github.sha");
        });
        assertThat(t.parts().get(1)).isEqualTo(new Template.Text("-", 17, 18));
        assertThat(t.parts().get(2)).isInstanceOfSatisfying(Template.Embedded.class,
                e -> assertThat(e.textStart()).isEqualTo(22));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', value = {
        // value | offset | message
        "x ${{ github.sha                 | 2  | not closed",
        "${{ }}                           | 0  | expected an expression",
        "run ${{ github.sha == }}         | 21 | unexpected end of expression",
        "echo ${{ \"x\" }}                | 9  | single quotes",
        "a ${{ foo }}                     | 6  | unrecognized named-value 'foo'",
    })
    void parseErrorsPointIntoTheString(String value, int offset, String message) {
        ExpressionError e = Template.parse(value).errorOrNull();
        assertThat(e.offset()).isEqualTo(offset);
        assertThat(e.message()).contains(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', value = {
        "plain text                       | -1",
        "x ${{ github.sha                 | 2",
        "${{ 1 }} and ${{ '}}'            | 13",
        "${{ '}}' }}                      | -1",
        "${{ }}                           | -1",
    })
    void unclosedAtFindsTheOpeningWithoutItsClosing(String value, int offset) {
        assertThat(Template.unclosedAt(value)).isEqualTo(offset);
    }

    @Test
    void evaluationErrorsPointIntoTheString() {
        ExpressionError e = Template.parse("a ${{ format('{1}', 'x') }}").value().evaluateToString(ctx).errorOrNull();
        assertThat(e.offset()).isEqualTo(6);
        assertThat(e.message()).contains("refers to argument {1}");
    }
}

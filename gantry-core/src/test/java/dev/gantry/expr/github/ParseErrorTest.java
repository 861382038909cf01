package dev.gantry.expr.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parse errors are structured: a message, an offset and a length in the expression text, never an exception. */
class ParseErrorTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', value = {
        // expression | offset | length | message start
        "\"github.sha == \"          | 14 | 0  | unexpected end of expression",
        "foo.bar                     | 0  | 3  | unrecognized named-value 'foo'",
        "github.sha && unknown()     | 14 | 7  | unrecognized function 'unknown'",
        "contains('a')               | 0  | 13 | too few arguments for 'contains'",
        "\"\"\"x\"\"\"                 | 0  | 3  | strings must be in single quotes",
        "'abc                        | 0  | 4  | unclosed string",
        "1 == 'a                     | 5  | 2  | unclosed string",
        "github.sha == 1.2.3         | 14 | 5  | unexpected symbol '1.2.3'",
        "github[0                    | 8  | 0  | unexpected end of expression",
        "\"\"                        | 0  | 0  | expected an expression",
        "\"   \"                     | 0  | 3  | expected an expression",
    })
    void errorsCarryTheirPosition(String expression, int offset, int length, String message) {
        ExpressionError e = Expression.parse(expression).errorOrNull();
        assertThat(e).isNotNull();
        assertThat(e.message()).startsWith(message);
        assertThat(e.offset()).isEqualTo(offset);
        assertThat(e.length()).isEqualTo(length);
    }

    @Test
    void treesDeeperThanTheRunnersLimitAreRejected() {
        assertThat(Expression.parse("!".repeat(49) + "true").isOk()).isTrue();
        assertThat(Expression.parse("!".repeat(50) + "true").errorOrNull().message())
                .contains("nested more than 50 levels");
        assertThat(Expression.parse("github" + ".a".repeat(60)).errorOrNull().message())
                .contains("nested more than 50 levels");
        assertThat(Expression.parse("1" + " == 1".repeat(60)).errorOrNull().message())
                .contains("nested more than 50 levels");
    }

    @Test
    void chainsOfAndAndOrCountAsOneLevelAndGroupsAsNone() {
        assertThat(Expression.parse("true" + " && true".repeat(200)).isOk()).isTrue();
        assertThat(Expression.parse("true" + " || (false && true)".repeat(100)).isOk()).isTrue();
        assertThat(Expression.parse("(".repeat(100) + "1" + ")".repeat(100)).isOk()).isTrue();
    }

    @Test
    void hostileInputFailsCleanly() {
        assertThat(Expression.parse("(".repeat(10_000) + "1" + ")".repeat(10_000)).errorOrNull().message())
                .contains("nested too deeply");
        assertThat(Expression.parse("'" + "x".repeat(21_000) + "'").errorOrNull().message())
                .contains("longer than 21000 characters");
    }

    @Test
    void randomTextNeverThrows() {
        String alphabet = "ab.*[]()!<=>&|,' \"0x1e-+_$github";
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(24);
            for (int k = 0; k < n; k++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            Result<Expression> r = Expression.parse(sb.toString());
            if (r.isOk()) {
                assertThat(r.value().evaluate(EvalContext.empty())).isNotNull();
            } else {
                ExpressionError e = r.errorOrNull();
                assertThat(e.offset()).isBetween(0, sb.length());
            }
        }
    }
}

package dev.gantry.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The balance scan of <code>${{ }}</code> and the context references found in it. */
class ExpressionTextTest {

    @Test
    void findsEachExpressionAndItsBody() {
        ExpressionText.Scan scan = ExpressionText.scan("a ${{ x }} b ${{y}}");

        assertThat(scan.unclosed()).isFalse();
        assertThat(scan.segments()).extracting(ExpressionText.Segment::body).containsExactly(" x ", "y");
        assertThat(scan.segments().get(0).start()).isEqualTo(2);
        assertThat(scan.segments().get(0).end()).isEqualTo(10);
    }

    @Test
    void closingBracesInsideStringLiteralsDoNotClose() {
        assertThat(ExpressionText.scan("${{ format('}}{0}', 'it''s }}') }}").segments())
                .extracting(ExpressionText.Segment::body).containsExactly(" format('}}{0}', 'it''s }}') ");
        assertThat(ExpressionText.scan("${{ 'open }} ").unclosed()).isTrue();
    }

    @Test
    void reportsWhereAnUnclosedExpressionStarts() {
        ExpressionText.Scan scan = ExpressionText.scan("ok ${{ a }} then ${{ b }");

        assertThat(scan.segments()).hasSize(1);
        assertThat(scan.unclosedStart()).isEqualTo(17);
    }

    @Test
    void wholeMeansOneExpressionAndNothingAround() {
        assertThat(ExpressionText.isWhole("  ${{ a && b }} ")).isTrue();
        assertThat(ExpressionText.isWhole("${{ a }} && ${{ b }}")).isFalse();
        assertThat(ExpressionText.isWhole("${{ a }} == 'x'")).isFalse();
        assertThat(ExpressionText.isWhole("a == 'x'")).isFalse();
    }

    @Test
    void referencesAreFoundOutsideStringsAndOtherProperties() {
        List<ContextReferences.Reference> refs = ContextReferences.in(
                "${{ steps.build.outputs.x }} ${{ NEEDS.setup.result == 'matrix.no' }} "
                        + "${{ github.event.steps.no }} ${{ format('{0}', matrix.python-version) }} ${{ jobs.a.outputs.b }}");

        assertThat(refs).containsExactly(new ContextReferences.Reference("steps", "build"),
                new ContextReferences.Reference("needs", "setup"),
                new ContextReferences.Reference("matrix", "python-version"),
                new ContextReferences.Reference("jobs", "a"));
    }

    @Test
    void textOutsideExpressionsIsNotAReference() {
        assertThat(ContextReferences.in("echo steps.build and needs.x")).isEmpty();
    }
}

package dev.gantry.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.diag.Diagnostic;
import dev.gantry.diag.Diagnostics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlLoaderTest {

    private final Diagnostics diagnostics = new Diagnostics();

    private YamlMap load(String text) {
        return (YamlMap) YamlLoader.load("f.yml", text, diagnostics).orElseThrow();
    }

    private List<String> messages() {
        return diagnostics.sorted().stream().map(Diagnostic::format).toList();
    }

    @Test
    void onStaysAStringKeyAndNodesKeepPositions() {
        YamlMap root = load("name: x\non:\n  push:\n    branches: [main]\n");
        assertThat(root.has("on")).isTrue();
        YamlMap.Entry on = root.entry("on");
        assertThat(on.key().range().line()).isEqualTo(2);
        assertThat(on.key().range().column()).isEqualTo(1);
        YamlNode branches = ((YamlMap) ((YamlMap) on.value()).get("push")).get("branches");
        assertThat(branches.range().line()).isEqualTo(4);
        assertThat(branches.range().column()).isEqualTo(15);
        assertThat(messages()).isEmpty();
    }

    @Test
    void coreSchemaTypes() {
        YamlMap root = load("a: yes\nb: true\nc: 0x1F\nd: 1.5e3\ne: ~\nf: '1'\ng: .inf\n");
        assertThat(((YamlScalar) root.get("a")).type()).isEqualTo(YamlScalar.Type.STRING);
        assertThat(((YamlScalar) root.get("b")).type()).isEqualTo(YamlScalar.Type.BOOL);
        assertThat(((YamlScalar) root.get("c")).toPlain()).isEqualTo(31L);
        assertThat(((YamlScalar) root.get("d")).toPlain()).isEqualTo(1500.0);
        assertThat(((YamlScalar) root.get("e")).isNull()).isTrue();
        assertThat(((YamlScalar) root.get("f")).type()).isEqualTo(YamlScalar.Type.STRING);
        assertThat(((YamlScalar) root.get("g")).toPlain()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void duplicateKeysNameBothPositions() {
        load("a: 1\nb: 2\na: 3\n");
        assertThat(messages()).containsExactly(
                "f.yml:3:1: error: duplicate key 'a' (first defined at 1:1) [duplicate-key]");
    }

    @Test
    void forGitlabTheLaterValueOfADuplicateKeyWinsInTheFirstPlaceWithAWarning() {
        YamlMap root = (YamlMap) YamlLoader.loadAll("f.yml", "a: 1\nb: 2\na: 3\n", diagnostics,
                YamlLoader.DuplicateKeys.LAST_WINS).getFirst();
        assertThat(root.toPlain()).isEqualTo(java.util.Map.of("a", 3L, "b", 2L));
        assertThat(root.entries()).extracting(YamlMap.Entry::name).containsExactly("a", "b");
        assertThat(messages()).containsExactly(
                "f.yml:3:1: warning: duplicate key 'a' (first defined at 1:1); GitLab uses this one [duplicate-key]");
    }

    @Test
    void mergeListEarlierAnchorWinsAndLocalKeysWinOverBoth() {
        YamlMap root = load("""
                .a: &a {x: a, y: a, variables: {A: 1, B: 2}}
                .b: &b {x: b, y: b, z: b}
                job:
                  <<: [*a, *b]
                  y: local
                  variables: {C: 3}
                """);
        YamlMap job = (YamlMap) root.get("job");
        assertThat(job.toPlain()).isEqualTo(Map.of("x", "a", "y", "local", "z", "b", "variables", Map.of("C", 3L)));
        assertThat(messages()).isEmpty();
    }

    @Test
    void mergeOfAScalarIsAnError() {
        assertThat(YamlLoader.load("f.yml", "a:\n  <<: 5\n", diagnostics)).isEmpty();
        assertThat(messages()).singleElement().asString()
                .startsWith("f.yml:").contains("error: YAML syntax:").contains("mapping").endsWith("[yaml]");
    }

    @Test
    void dollarBraceVariablesArePlainStrings() {
        YamlMap root = load("key: ${CI_COMMIT_REF_SLUG}\n");
        YamlScalar key = (YamlScalar) root.get("key");
        assertThat(key.tag()).isNull();
        assertThat(key.type()).isEqualTo(YamlScalar.Type.STRING);
        assertThat(key.value()).isEqualTo("${CI_COMMIT_REF_SLUG}");
    }

    @Test
    void customTagsAreKept() {
        YamlMap root = load("s:\n  - !reference [.setup, script]\n");
        YamlSeq ref = (YamlSeq) ((YamlSeq) root.get("s")).items().get(0);
        assertThat(ref.tag()).isEqualTo("!reference");
        assertThat(ref.toPlain()).isEqualTo(List.of(".setup", "script"));
    }

    @Test
    void syntaxErrorsAreDiagnosticsAtTheMark() {
        assertThat(YamlLoader.load("f.yml", "a: [1, 2\nb: 3\n", diagnostics)).isEmpty();
        assertThat(diagnostics.hasErrors()).isTrue();
        assertThat(diagnostics.sorted().get(0).range().line()).isGreaterThanOrEqualTo(2);
        assertThat(diagnostics.sorted().get(0).rule()).isEqualTo("yaml");
    }

    @Test
    void recursiveAliasIsAnErrorNotAStackOverflow() {
        YamlLoader.load("f.yml", "a: &x [1, *x]\n", diagnostics);
        assertThat(diagnostics.hasErrors()).isTrue();
    }

    @Test
    void aliasesAreSharedNotCopied() {
        StringBuilder text = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 30; i++) {
            text.append("a").append(i).append(": &a").append(i).append(" [");
            text.append(("*a" + (i - 1) + ", ").repeat(9)).append("*a").append(i - 1).append("]\n");
        }
        YamlMap root = load(text.toString());
        assertThat(root.size()).isEqualTo(30);
    }

    /** {@code file:line:col} of the character of {@code key}'s value where {@code marker} starts. */
    private String where(YamlMap root, String key, String marker) {
        YamlScalar s = (YamlScalar) root.get(key);
        return s.positionOf(s.value().indexOf(marker)).toString();
    }

    @Test
    void positionsInsidePlainAndQuotedValuesOnOneLine() {
        YamlMap root = load("""
                a: run ${{ x }}
                b: 'it''s ${{ x }}'
                c: "plain ${{ x }}"
                d: "tab\\t${{ x }}"
                e: "\uD83D\uDE00 ${{ x }}"
                """);
        assertThat(where(root, "a", "${{")).isEqualTo("f.yml:1:8");
        assertThat(where(root, "b", "${{")).isEqualTo("f.yml:2:11");
        assertThat(where(root, "c", "${{")).isEqualTo("f.yml:3:11");
        // An escape makes the written text longer than the value: the start of the scalar then.
        assertThat(where(root, "d", "${{")).isEqualTo("f.yml:4:4");
        // Columns count code points, as the YAML parser does.
        assertThat(where(root, "e", "${{")).isEqualTo("f.yml:5:7");
    }

    @Test
    void positionsInsideLiteralBlocksFollowTheLines() {
        YamlMap root = load("""
                run: |
                    echo one

                      echo ${{ two }}
                kept: |2
                     extra ${{ x }}
                folded: >
                  a
                  b ${{ x }}
                multi: one
                  two ${{ x }}
                """);
        assertThat(where(root, "run", "echo one")).isEqualTo("f.yml:2:5");
        assertThat(where(root, "run", "${{")).isEqualTo("f.yml:4:12");
        assertThat(where(root, "kept", "${{")).isEqualTo("f.yml:6:12");
        assertThat(where(root, "folded", "${{")).isEqualTo("f.yml:7:9");
        assertThat(where(root, "multi", "${{")).isEqualTo("f.yml:10:8");
        assertThat(((YamlScalar) root.get("run")).style()).isEqualTo(YamlScalar.Style.LITERAL);
    }

    @Test
    void loadAllReadsEveryDocumentWithItsOwnPositions() {
        List<YamlNode> documents = YamlLoader.loadAll("f.yml", "spec:\n  inputs: {a: }\n---\njob: &x\n  script: [x]\n",
                diagnostics);
        assertThat(documents).hasSize(2);
        assertThat(((YamlMap) documents.get(0)).has("spec")).isTrue();
        YamlMap.Entry job = ((YamlMap) documents.get(1)).entry("job");
        assertThat(job.key().range().line()).isEqualTo(4);
        assertThat(messages()).isEmpty();
    }

    @Test
    void loadAllGivesNothingForAnEmptyStreamAndANullForAnEmptyDocument() {
        assertThat(YamlLoader.loadAll("f.yml", "# only a comment\n", diagnostics)).isEmpty();
        assertThat(YamlLoader.loadAll("f.yml", "a: 1\n---\n", diagnostics)).hasSize(2)
                .last().matches(n -> n instanceof YamlScalar s && s.isNull());
        assertThat(messages()).isEmpty();
    }

    @Test
    void aSyntaxErrorInALaterDocumentLosesTheWholeFile() {
        assertThat(YamlLoader.loadAll("f.yml", "a: 1\n---\nb: [1\n", diagnostics)).isEmpty();
        assertThat(messages()).singleElement().asString().startsWith("f.yml:4:1: error: YAML syntax:").endsWith("[yaml]");
    }

    @Test
    void anchorsBelongToTheirDocument() {
        assertThat(YamlLoader.loadAll("f.yml", "a: &x 1\n---\nb: *x\n", diagnostics)).isEmpty();
        assertThat(messages()).singleElement().asString().contains("undefined alias");
    }
}

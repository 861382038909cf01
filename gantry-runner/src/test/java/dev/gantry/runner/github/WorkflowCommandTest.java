package dev.gantry.runner.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkflowCommandTest {

    private static WorkflowCommand parse(String line) {
        return WorkflowCommand.parse(line).orElseThrow(() -> new AssertionError("not a command: " + line));
    }

    @Test
    void parsesNamePropertiesAndMessage() {
        WorkflowCommand c = parse("::error file=app.js,line=10,col=15,endLine=12,endColumn=3,title=Bad thing::Something failed");
        assertThat(c.name()).isEqualTo("error");
        assertThat(c.properties()).containsExactly(Map.entry("file", "app.js"), Map.entry("line", "10"),
                Map.entry("col", "15"), Map.entry("endline", "12"), Map.entry("endcolumn", "3"),
                Map.entry("title", "Bad thing"));
        assertThat(c.message()).isEqualTo("Something failed");
        assertThat(c.property("endLine")).hasValue("12");
    }

    @Test
    void everyKnownCommandParses() {
        for (String name : WorkflowCommand.KNOWN) {
            assertThat(WorkflowCommand.parse("::" + name + "::x")).as(name).map(WorkflowCommand::name).hasValue(name);
        }
    }

    @Test
    void namesAndKeysAreCaseInsensitive() {
        WorkflowCommand c = parse("::WARNING FILE=a.txt::careful");
        assertThat(c.name()).isEqualTo("warning");
        assertThat(c.property("file")).hasValue("a.txt");
    }

    @Test
    void leadingWhitespaceIsAllowed() {
        assertThat(parse("   \t::debug::hello").message()).isEqualTo("hello");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain text", ":: not a command", "::error", "x ::error::in the middle",
            "::unknown-command::x", "::set-outputs name=a::b", "##[error]old syntax"})
    void otherLinesAreNotCommands(String line) {
        assertThat(WorkflowCommand.parse(line)).isEmpty();
    }

    @Test
    void messageEscapes() {
        assertThat(parse("::debug::100%25 done%0Anext%0D%0Aline").message()).isEqualTo("100% done\nnext\r\nline");
        assertThat(parse("::debug::a%3Ab%2Cc").message()).as("only properties decode %3A and %2C").isEqualTo("a%3Ab%2Cc");
        assertThat(parse("::debug::%250A").message()).as("%25 is decoded once, not again").isEqualTo("%0A");
        assertThat(parse("::debug::%0a %zz %2").message()).as("lower case and unknown stay").isEqualTo("%0a %zz %2");
    }

    @Test
    void propertyEscapes() {
        WorkflowCommand c = parse("::error title=a%3Ab%2Cc%25d%0Ae%0D,file=x::m");
        assertThat(c.property("title")).hasValue("a:b,c%d\ne\r");
        assertThat(c.property("file")).hasValue("x");
    }

    @Test
    void theMessageMayContainColonsAndTheMarker() {
        assertThat(parse("::notice::a :: b::c").message()).isEqualTo("a :: b::c");
        assertThat(parse("::group::").message()).isEmpty();
    }

    @Test
    void propertiesWithoutKeyOrValueAreDroppedAndKeysAreNotTrimmed() {
        WorkflowCommand c = parse("::error a=,=b,,c=1=2, line=4 ::m");
        assertThat(c.properties()).containsOnlyKeys("c", " line");
        assertThat(c.property("c")).hasValue("1=2");
        assertThat(c.property(" line")).as("the space before :: is stripped, the one after ',' kept").hasValue("4");
        assertThat(Annotation.of(c).orElseThrow().line()).as("so ', line=4' sets no line, as on GitHub").isEmpty();
    }

    @Test
    void annotationsCarryTheirPosition() {
        Annotation a = Annotation.of(parse("::warning file=src/A.java,line=3,col=7,endLine=4,endColumn=1,title=T::msg")).orElseThrow();
        assertThat(a.level()).isEqualTo(Annotation.Level.WARNING);
        assertThat(a.message()).isEqualTo("msg");
        assertThat(a.title()).hasValue("T");
        assertThat(a.file()).hasValue("src/A.java");
        assertThat(a.line()).hasValue(3);
        assertThat(a.column()).hasValue(7);
        assertThat(a.endLine()).hasValue(4);
        assertThat(a.endColumn()).hasValue(1);
    }

    @Test
    void annotationPositionsThatAreNotPositiveNumbersAreLeftOut() {
        Annotation a = Annotation.of(parse("::error line=x,col=0,endLine=-1,endColumn=99999999999::m")).orElseThrow();
        assertThat(a.line()).isEqualTo(OptionalInt.empty());
        assertThat(a.column()).isEqualTo(OptionalInt.empty());
        assertThat(a.endLine()).isEqualTo(OptionalInt.empty());
        assertThat(a.endColumn()).isEqualTo(OptionalInt.empty());
        assertThat(a.file()).isEqualTo(Optional.empty());
        assertThat(Annotation.of(parse("::notice::n")).map(Annotation::level)).hasValue(Annotation.Level.NOTICE);
        assertThat(Annotation.of(parse("::error::e")).map(Annotation::level)).hasValue(Annotation.Level.ERROR);
        assertThat(Annotation.of(parse("::debug::d"))).isEmpty();
    }
}

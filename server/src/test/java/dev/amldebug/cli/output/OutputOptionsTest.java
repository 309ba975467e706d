package dev.amldebug.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.errors.ErrorKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The renderer: each format of a value, a query first, and colour only in tables on a colour terminal. */
class OutputOptionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Terminal COLOUR = new Terminal(true, true, true);

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private static JsonNode runs() throws Exception {
        return JSON.readTree("""
                [{"id": "a_1", "status": "Completed", "exitCode": 0, "error": null, "steps": []},
                 {"id": "b_2", "status": "Failed", "exitCode": 3, "error": "it\\tbroke\\nbadly", "steps": [{"id": "s"}]}]
                """);
    }

    private String print(OutputFormat format, String query, JsonNode value, Terminal terminal) {
        OutputOptions options = new OutputOptions(terminal);
        options.format = format;
        options.query = query;
        options.printList(value, (o, colour) -> o.println("HUMAN colour=" + colour), "Nothing here.",
                new PrintWriter(out), new PrintWriter(err));
        return out.toString();
    }

    @Test
    void jsonIsTheValueItselfIndentedAsAzDoes() throws Exception {
        String text = print(OutputFormat.json, null, runs(), COLOUR);
        assertThat(JSON.readTree(text)).isEqualTo(runs());
        assertThat(text).contains("\"id\": \"a_1\"").contains("\"steps\": []").doesNotContain("\u001b[");
        assertThat(text.lines().toList().get(1)).isEqualTo("  {");
    }

    @Test
    void anEmptyListIsEmptyJsonAndItsSentenceGoesToStderr() throws Exception {
        assertThat(print(OutputFormat.json, null, JSON.readTree("[]"), Terminal.NONE)).isEqualTo("[]\n");
        assertThat(err.toString()).isEqualTo("Nothing here.\n");
    }

    @Test
    void anEmptyListInATableIsItsSentenceOnStdout() throws Exception {
        assertThat(print(OutputFormat.table, null, JSON.readTree("[]"), Terminal.NONE)).isEqualTo("Nothing here.\n");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void tsvIsARowPerElementTabSeparatedWithNoHeader() throws Exception {
        List<String> lines = print(OutputFormat.tsv, null, runs(), COLOUR).lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).split("\t", -1)).containsExactly("a_1", "Completed", "0", "", "");
        assertThat(lines.get(1).split("\t", -1)).containsExactly("b_2", "Failed", "3", "it broke badly", "");
    }

    @Test
    void aQueryAppliesBeforeEveryFormat() throws Exception {
        assertThat(JSON.readTree(print(OutputFormat.json, "[?status=='Failed'].id", runs(), Terminal.NONE)))
                .isEqualTo(JSON.readTree("[\"b_2\"]"));
        out.getBuffer().setLength(0);
        assertThat(print(OutputFormat.tsv, "[].[id, exitCode]", runs(), Terminal.NONE)).isEqualTo("a_1\t0\nb_2\t3\n");
        out.getBuffer().setLength(0);
        assertThat(print(OutputFormat.tsv, "[0].id", runs(), Terminal.NONE)).isEqualTo("a_1\n");
    }

    @Test
    void aTableOfAQueryResultHasItsFieldNamesAsHeaders() throws Exception {
        List<String> lines = print(OutputFormat.table, "[].{Run: id, status: status}", runs(), Terminal.NONE)
                .lines().toList();
        assertThat(lines).containsExactly("Run status", "--- ---------", "a_1 Completed", "b_2 Failed");
    }

    @Test
    void theHumanViewIsColouredOnlyOnAColourTerminal() throws Exception {
        assertThat(print(OutputFormat.table, null, runs(), COLOUR)).isEqualTo("HUMAN colour=true\n");
        out.getBuffer().setLength(0);
        assertThat(print(OutputFormat.table, null, runs(), new Terminal(true, true, false))).isEqualTo("HUMAN colour=false\n");
        out.getBuffer().setLength(0);
        assertThat(print(OutputFormat.table, null, runs(), new Terminal(false, true, true))).isEqualTo("HUMAN colour=false\n");
    }

    @Test
    void aBadQueryIsABadInputSentenceThatNamesIt() {
        assertThatThrownBy(() -> print(OutputFormat.json, "[?status==", runs(), Terminal.NONE))
                .isInstanceOf(AmlDebugException.class)
                .satisfies(e -> assertThat(((AmlDebugException) e).kind()).isEqualTo(ErrorKind.BAD_INPUT))
                .hasMessageStartingWith("--query '[?status==' is not a JMESPath expression (")
                .hasMessageEndingWith("see https://jmespath.org for the syntax.");
        assertThat(out.toString()).isEmpty();
    }
}

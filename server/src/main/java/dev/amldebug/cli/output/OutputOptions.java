package dev.amldebug.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * {@code -o table|json|tsv} and {@code --query EXPR} on every command that lists or shows something. The command
 * builds its value as JSON (the shapes docs/protocol.md documents) and its human view; this prints one of them. A
 * query applies to the JSON first, in every format, as in {@code az}: the table is then the query result's.
 */
public final class OutputOptions {
    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table (the default), json or tsv (tab-separated, no header).")
    OutputFormat format = OutputFormat.table;

    @Option(names = "--query", paramLabel = "EXPR",
            description = "A JMESPath expression applied to the JSON before it is shown, as in az (https://jmespath.org).")
    String query;

    private final Terminal terminal;

    public OutputOptions(Terminal terminal) {
        this.terminal = terminal;
    }

    public OutputFormat format() {
        return format;
    }

    /** Prints {@code value} in the format asked: {@code human} for a table, unless a query chose its part. */
    public void print(JsonNode value, HumanView human, PrintWriter out) {
        JsonNode shown = query == null ? value : Query.parse(query).apply(value);
        switch (format) {
            case json -> out.println(JsonText.of(shown));
            case tsv -> Tsv.print(shown, out);
            case table -> (query == null ? human : ResultTable.of(shown)).print(out, terminal.colourOut());
        }
        out.flush();
    }

    /**
     * Prints a list: an empty one, with no query, is {@code whenEmpty} in place of the table (a sentence on stderr,
     * then {@code []} or nothing, for JSON and tsv: their stdout is only data).
     */
    public void printList(JsonNode list, HumanView human, String whenEmpty, PrintWriter out, PrintWriter err) {
        if (list.isEmpty() && query == null) {
            if (format == OutputFormat.table) {
                out.println(whenEmpty);
                out.flush();
                return;
            }
            err.println(whenEmpty);
            err.flush();
        }
        print(list, human, out);
    }
}

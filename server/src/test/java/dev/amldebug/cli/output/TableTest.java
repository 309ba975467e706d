package dev.amldebug.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.cli.output.Table.Column;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Tables lay out as printf did, and colour a status without moving the columns after it. */
class TableTest {
    private static String print(Table table, boolean colour) {
        StringWriter out = new StringWriter();
        table.print(new PrintWriter(out, true), colour);
        return out.toString();
    }

    private static Table runs() {
        return new Table(Column.left("RUN", 6), Column.left("STATUS", 10).statuses(), Column.right("EXIT", 5))
                .row("a_1", "Completed", 0).row("long_run_id", "Failed", null);
    }

    @Test
    void columnsArePaddedAsPrintfPadsThem() {
        assertThat(print(runs(), false)).isEqualTo(String.format("%-6s %-10s %5s%n%-6s %-10s %5s%n%-6s %-10s %5s%n",
                "RUN", "STATUS", "EXIT", "a_1", "Completed", "0", "long_run_id", "Failed", "-"));
    }

    @Test
    void aStatusIsPaintedAfterItIsPadded() {
        String coloured = print(runs(), true);
        assertThat(coloured).contains("\u001b[32mCompleted\u001b[0m ").contains("\u001b[31mFailed\u001b[0m    ");
        assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(print(runs(), false));
    }
}

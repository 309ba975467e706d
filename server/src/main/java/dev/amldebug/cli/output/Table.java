package dev.amldebug.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Columns padded to a width, one space apart, as {@code printf("%-40s %-10s ...")} lays them out: a longer value
 * pushes the rest of its row on. Padding is counted on the plain text, then the cell is painted.
 */
public final class Table implements HumanView {
    /**
     * A column: its header, its width (0: no padding, for the last column), right-aligned or not, and the style of a
     * cell by its text (null: plain).
     */
    public record Column(String header, int width, boolean right, Function<String, Style> style) {
        public static Column left(String header, int width) {
            return new Column(header, width, false, text -> null);
        }

        public static Column right(String header, int width) {
            return new Column(header, width, true, text -> null);
        }

        /** This column with each cell coloured by its status ({@link StatusStyle}). */
        public Column statuses() {
            return new Column(header, width, right, StatusStyle::of);
        }
    }

    private final List<Column> columns;
    private final List<String[]> rows = new ArrayList<>();
    private boolean ruled;

    public Table(Column... columns) {
        this.columns = List.of(columns);
    }

    /** A row; null cells show as "-". */
    public Table row(Object... cells) {
        String[] row = new String[columns.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = i < cells.length && cells[i] != null ? String.valueOf(cells[i]) : "-";
        }
        rows.add(row);
        return this;
    }

    /** A line of dashes under the header, as az draws its tables. */
    Table ruled() {
        ruled = true;
        return this;
    }

    @Override
    public void print(PrintWriter out, boolean colour) {
        out.println(line(columns.stream().map(Column::header).toArray(String[]::new), false));
        if (ruled) {
            out.println(line(columns.stream().map(c -> "-".repeat(Math.max(c.width(), c.header().length())))
                    .toArray(String[]::new), false));
        }
        rows.forEach(row -> out.println(line(row, colour)));
    }

    private String line(String[] cells, boolean colour) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            Column column = columns.get(i);
            String text = cells[i];
            String padding = " ".repeat(Math.max(0, column.width() - text.length()));
            Style style = colour ? column.style().apply(text) : null;
            String painted = style == null ? text : style.paint(text, true);
            line.append(i == 0 ? "" : " ").append(column.right() ? padding + painted : painted + padding);
        }
        return line.toString().stripTrailing();
    }
}

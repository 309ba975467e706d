package dev.amldebug.bridge.console;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code p all EXPR} prints: each rank's value as the shim's {@code aml_debug_fingerprint} gives it (equal
 * text, equal value; a tensor by shape, dtype and checksum), the values that differ from the majority marked, and a
 * summary line. The majority is the most common value, when no other value is as common.
 */
final class RankValues {
    static final String DIFFERS = "(differs)";

    /** A rank's row; its value is null when the rank was not paused, so not evaluated. */
    record Row(String label, String rank, String node, String value) {
    }

    private final List<Row> rows;
    private final Optional<String> majority;

    RankValues(List<Row> rows) {
        this.rows = rows;
        this.majority = majority(rows);
    }

    /** The expression that evaluates to {@code expression}'s comparable text in a debugged process. */
    static String fingerprint(String expression) {
        return "__import__('aml_debug_fingerprint').of((" + expression + "))";
    }

    /** A table cell: a failed evaluation's traceback as its last line, the error itself. */
    static String oneLine(String result) {
        List<String> lines = result.lines().filter(line -> !line.isBlank()).toList();
        if (lines.size() <= 1) {
            return result.strip();
        }
        String last = lines.get(lines.size() - 1).strip();
        return result.startsWith("error: ") && !last.startsWith("error: ") ? "error: " + last : last;
    }

    void print(PrintStream out) {
        int rankWidth = Math.max(4, rows.stream().mapToInt(row -> row.rank().length()).max().orElse(0));
        int nodeWidth = Math.max(4, rows.stream().mapToInt(row -> row.node().length()).max().orElse(0));
        String format = "%-" + rankWidth + "s  %-" + nodeWidth + "s  %s%n";
        out.printf(format, "rank", "node", "value");
        for (Row row : rows) {
            String value = row.value() == null ? "running, not evaluated"
                    : differs(row) ? row.value() + "  " + DIFFERS : row.value();
            out.printf(format, row.rank(), row.node(), value);
        }
        out.println(summary());
    }

    boolean differs(Row row) {
        return row.value() != null && majority.isPresent() && !majority.get().equals(row.value());
    }

    String summary() {
        List<Row> evaluated = rows.stream().filter(row -> row.value() != null).toList();
        List<String> running = rows.stream().filter(row -> row.value() == null).map(Row::label).toList();
        String of = running.isEmpty() ? " ranks" : " paused ranks";
        List<String> differing = evaluated.stream().filter(this::differs).map(Row::label).toList();
        String agreement;
        if (evaluated.size() == 1) {
            agreement = "1 rank evaluated";
        } else if (majority.isEmpty()) {
            agreement = "no value has a majority: " + distinct(evaluated) + " values among " + evaluated.size() + of;
        } else if (differing.isEmpty()) {
            agreement = "all " + evaluated.size() + of + " agree";
        } else {
            agreement = (evaluated.size() - differing.size()) + " of " + evaluated.size() + of + " agree; "
                    + String.join(", ", differing) + (differing.size() == 1 ? " differs" : " differ");
        }
        return running.isEmpty() ? agreement : agreement + "; " + String.join(", ", running)
                + (running.size() == 1 ? " is" : " are") + " running";
    }

    private static long distinct(List<Row> evaluated) {
        return evaluated.stream().map(Row::value).distinct().count();
    }

    private static Optional<String> majority(List<Row> rows) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        rows.stream().filter(row -> row.value() != null).forEach(row -> counts.merge(row.value(), 1, Integer::sum));
        if (counts.isEmpty()) {
            return Optional.empty();
        }
        int most = Collections.max(counts.values());
        List<String> mostCommon = new ArrayList<>();
        counts.forEach((value, count) -> {
            if (count == most) {
                mostCommon.add(value);
            }
        });
        return mostCommon.size() == 1 ? Optional.of(mostCommon.get(0)) : Optional.empty();
    }
}

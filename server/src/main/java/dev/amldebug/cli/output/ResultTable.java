package dev.amldebug.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The table of a --query's result, as az draws one: a list of objects is a row each under its field names, a list of
 * values is one column "Result", an object is one row. A nested object or list shows as its JSON.
 */
final class ResultTable {
    private static final Set<String> STATUS_FIELDS = Set.of("status", "health");

    private ResultTable() {
    }

    static HumanView of(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return (out, colour) -> { };
        }
        if (!value.isContainerNode()) {
            return (out, colour) -> out.println(text(value));
        }
        List<JsonNode> rows = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(rows::add);
        } else {
            rows.add(value);
        }
        Set<String> fields = new LinkedHashSet<>();
        rows.stream().filter(JsonNode::isObject).forEach(row -> row.fieldNames().forEachRemaining(fields::add));
        List<String> headers = fields.isEmpty() ? List.of("Result") : List.copyOf(fields);
        List<String[]> cells = rows.stream().map(row -> headers.stream()
                .map(field -> fields.isEmpty() ? text(row) : text(row.get(field))).toArray(String[]::new)).toList();
        Table.Column[] columns = new Table.Column[headers.size()];
        for (int i = 0; i < columns.length; i++) {
            int column = i;
            int width = Math.max(headers.get(i).length(), cells.stream().mapToInt(row -> row[column].length()).max().orElse(0));
            Table.Column plain = Table.Column.left(headers.get(i), width);
            columns[i] = STATUS_FIELDS.contains(headers.get(i)) ? plain.statuses() : plain;
        }
        Table table = new Table(columns).ruled();
        cells.forEach(row -> table.row((Object[]) row));
        return table;
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        return value.isContainerNode() ? value.toString() : value.asText();
    }
}

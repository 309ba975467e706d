package dev.amldebug.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/**
 * Tab-separated values as {@code az -o tsv} prints them: no header, a line per element of a list, an object's values
 * in its field order. Null is an empty field, and so is a nested object or list (pick its parts with --query); tabs
 * and line breaks inside a value become spaces, so that each line is one row.
 */
final class Tsv {
    private Tsv() {
    }

    static void print(JsonNode value, PrintWriter out) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return;
        }
        if (value.isArray()) {
            value.forEach(element -> out.println(row(element)));
        } else {
            out.println(row(value));
        }
    }

    private static String row(JsonNode value) {
        if (!value.isContainerNode()) {
            return cell(value);
        }
        StringBuilder row = new StringBuilder();
        value.elements().forEachRemaining(cell -> row.append(row.isEmpty() ? "" : "\t").append(cell(cell)));
        return row.toString();
    }

    private static String cell(JsonNode value) {
        return value.isNull() || value.isContainerNode() ? "" : value.asText().replaceAll("[\t\r\n]", " ");
    }
}

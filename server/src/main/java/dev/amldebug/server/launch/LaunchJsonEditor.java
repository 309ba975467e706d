package dev.amldebug.server.launch;

import dev.amldebug.errors.AmlDebugException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Inserts a configuration into the text of a launch.json, leaving its comments, trailing
 * commas and formatting as they were. Returns the insertion; never produces invalid JSONC,
 * and refuses a file it cannot parse.
 */
public final class LaunchJsonEditor {
    private static final ObjectMapper JSONC = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA).build();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Where to insert what: offset into the original text, and the text to put there. */
    public record Insertion(int offset, String text) {
        public String applyTo(String original) {
            return original.substring(0, offset) + text + original.substring(offset);
        }
    }

    /** The whole file for a workspace that has none. */
    public static String newFile(ObjectNode configuration) {
        return "{\n    // Added by Azure ML (aml-debug).\n    \"version\": \"0.2.0\",\n    \"configurations\": [\n"
                + indent(configuration, "        ") + "\n    ]\n}\n";
    }

    public Insertion insert(String text, ObjectNode configuration) {
        ObjectNode parsed = parse(text);
        JsoncScanner scanner = new JsoncScanner(text, 0);
        int open = scanner.next();
        Insertion insertion = parsed.has("configurations") && parsed.get("configurations").isArray()
                ? intoArray(scanner, findConfigurations(scanner, open), configuration)
                : newConfigurationsKey(scanner, open, configuration);
        parse(insertion.applyTo(text));
        return insertion;
    }

    private static ObjectNode parse(String text) {
        try {
            if (!(JSONC.readTree(text) instanceof ObjectNode object)) {
                throw AmlDebugException.badInput("launch.json must hold a JSON object.");
            }
            return object;
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            throw AmlDebugException.badInput("launch.json cannot be parsed" + (where == null ? "" : " at line "
                    + where.getLineNr() + ", column " + where.getColumnNr()) + ": " + e.getOriginalMessage()
                    + ". Fix it, then try again; nothing was changed.");
        }
    }

    /** The offset of the '[' that opens the top-level "configurations" array. */
    private static int findConfigurations(JsoncScanner scanner, int open) {
        scanner.moveTo(open + 1);
        while (true) {
            int keyStart = scanner.next();
            int keyEnd = scanner.skipValueToken();
            String key = scanner.text().substring(keyStart + 1, keyEnd - 1);
            scanner.moveTo(scanner.next() + 1);
            int value = scanner.next();
            if (key.equals("configurations")) {
                return value;
            }
            scanner.skipValue();
            int after = scanner.next();
            scanner.moveTo(after + 1);
        }
    }

    private static Insertion intoArray(JsoncScanner scanner, int open, ObjectNode configuration) {
        scanner.moveTo(open);
        scanner.skipValue();
        int close = scanner.position() - 1;
        String text = scanner.text();
        int last = lastStructural(text, open + 1, close);
        boolean empty = last < 0;
        boolean trailingComma = !empty && text.charAt(last) == ',';
        String itemIndent = empty ? lineIndent(text, open) + "    " : lineIndent(text, firstItem(text, open + 1));
        String prefix = empty || trailingComma ? "" : ",";
        int at = empty ? open + 1 : last + 1;
        int lineEnd = text.indexOf('\n', at);
        if (trailingComma && lineEnd >= 0 && lineEnd < close) {
            // After a comment that ends the last item's line, so the comment stays with its item.
            at = lineEnd;
        }
        return new Insertion(at, prefix + "\n" + indent(configuration, itemIndent) + (trailingComma ? "," : "")
                + (empty ? "\n" + lineIndent(text, open) : ""));
    }

    private static Insertion newConfigurationsKey(JsoncScanner scanner, int open, ObjectNode configuration) {
        String text = scanner.text();
        String keyIndent = lineIndent(text, open) + "    ";
        return new Insertion(open + 1, "\n" + keyIndent + "\"configurations\": [\n"
                + indent(configuration, keyIndent + "    ") + "\n" + keyIndent + "]" + (hasMembers(text, open) ? "," : ""));
    }

    private static boolean hasMembers(String text, int open) {
        JsoncScanner scanner = new JsoncScanner(text, open + 1);
        return text.charAt(scanner.next()) != '}';
    }

    /** The last non-space, non-comment character between from and to, or -1. */
    private static int lastStructural(String text, int from, int to) {
        JsoncScanner scanner = new JsoncScanner(text, from);
        int last = -1;
        while (true) {
            int at = scanner.next();
            if (at < 0 || at >= to) {
                return last;
            }
            char c = text.charAt(at);
            if (c == '{' || c == '[' || c == '"') {
                scanner.skipValue();
                last = scanner.position() - 1;
            } else {
                scanner.skipValueToken();
                last = c == ',' ? at : scanner.position() - 1;
                if (c == ',') {
                    scanner.moveTo(at + 1);
                }
            }
        }
    }

    private static int firstItem(String text, int from) {
        return new JsoncScanner(text, from).next();
    }

    private static String lineIndent(String text, int offset) {
        int lineStart = text.lastIndexOf('\n', offset) + 1;
        int end = lineStart;
        while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
            end++;
        }
        return text.substring(lineStart, end);
    }

    private static String indent(ObjectNode configuration, String indent) {
        try {
            String pretty = PRETTY.writerWithDefaultPrettyPrinter().writeValueAsString(configuration)
                    .replace("\r\n", "\n").replace(" : ", ": ");
            return indent + pretty.replace("\n", "\n" + indent);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}

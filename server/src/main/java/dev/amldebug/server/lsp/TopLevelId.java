package dev.amldebug.server.lsp;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The "id" of a JSON-RPC message that could not be parsed, found by a scan that tracks nesting and strings. */
final class TopLevelId {
    private static final Pattern VALUE = Pattern.compile("\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|-?\\d{1,18})");

    private TopLevelId() {
    }

    /** @return a Long or a String, or null when there is no top-level id */
    static Object of(String json) {
        int depth = 0;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                int end = endOfString(json, i);
                if (depth == 1 && json.startsWith("\"id\"", i)) {
                    Matcher value = VALUE.matcher(json).region(end + 1, json.length());
                    if (value.lookingAt()) {
                        return value.group(2) != null ? value.group(2) : (Object) Long.parseLong(value.group(1));
                    }
                }
                i = end;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return null;
    }

    private static int endOfString(String json, int start) {
        for (int i = start + 1; i < json.length(); i++) {
            if (json.charAt(i) == '\\') {
                i++;
            } else if (json.charAt(i) == '"') {
                return i;
            }
        }
        return json.length() - 1;
    }
}

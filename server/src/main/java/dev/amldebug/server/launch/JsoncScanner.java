package dev.amldebug.server.launch;

/**
 * Walks JSONC text (JSON with comments and trailing commas) character by character, skipping
 * strings and comments, so structural characters can be found without a parser that would
 * drop the comments on the way back out.
 */
final class JsoncScanner {
    private final String text;
    private int position;

    JsoncScanner(String text, int start) {
        this.text = text;
        this.position = start;
    }

    /** The next structural character ({ } [ ] , : or the start of a string) at or after the position, or -1. */
    int next() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '/' && position + 1 < text.length() && text.charAt(position + 1) == '/') {
                int end = text.indexOf('\n', position);
                position = end < 0 ? text.length() : end + 1;
            } else if (c == '/' && position + 1 < text.length() && text.charAt(position + 1) == '*') {
                int end = text.indexOf("*/", position + 2);
                position = end < 0 ? text.length() : end + 2;
            } else if (Character.isWhitespace(c)) {
                position++;
            } else {
                return position;
            }
        }
        return -1;
    }

    /** Skips the token at the position (a string, or a bare literal) and returns where it ended. */
    int skipValueToken() {
        if (text.charAt(position) == '"') {
            position++;
            while (position < text.length() && text.charAt(position) != '"') {
                position += text.charAt(position) == '\\' ? 2 : 1;
            }
            position++;
        } else {
            while (position < text.length() && "{}[],:\"/ \t\r\n".indexOf(text.charAt(position)) < 0) {
                position++;
            }
        }
        return position;
    }

    /** Skips one whole value (object, array, string or literal) at the position. */
    void skipValue() {
        char c = text.charAt(position);
        if (c != '{' && c != '[') {
            skipValueToken();
            return;
        }
        int depth = 0;
        do {
            int at = next();
            char ch = text.charAt(at);
            if (ch == '"') {
                skipValueToken();
                continue;
            }
            if (ch == '{' || ch == '[') {
                depth++;
            } else if (ch == '}' || ch == ']') {
                depth--;
            }
            position = at + 1;
        } while (depth > 0);
    }

    int position() {
        return position;
    }

    void moveTo(int to) {
        position = to;
    }

    String text() {
        return text;
    }
}

package dev.amldebug.azure;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Bytes of a growing log in, whole lines out. A line (or a UTF-8 character) cut between two reads waits
 * for the rest; it is split on the byte '\n', which never occurs inside a multi-byte character.
 */
final class LineSplitter {
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    /** The complete lines now known, each ending in '\n'; "" when none. */
    String feed(byte[] bytes) {
        int lastNewline = -1;
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                lastNewline = i;
                break;
            }
        }
        if (lastNewline < 0) {
            partial.writeBytes(bytes);
            return "";
        }
        partial.write(bytes, 0, lastNewline + 1);
        String lines = partial.toString(StandardCharsets.UTF_8);
        partial.reset();
        partial.write(bytes, lastNewline + 1, bytes.length - lastNewline - 1);
        return lines;
    }

    /** What is left at the end, as a last line; "" when nothing. */
    String flush() {
        if (partial.size() == 0) {
            return "";
        }
        String rest = partial.toString(StandardCharsets.UTF_8) + "\n";
        partial.reset();
        return rest;
    }

    /** Forgets a line left unfinished: the file it came from starts again. */
    void reset() {
        partial.reset();
    }
}

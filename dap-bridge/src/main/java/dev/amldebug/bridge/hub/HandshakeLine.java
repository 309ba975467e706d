package dev.amldebug.bridge.hub;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The one line a connection to the hub starts with, read without reading past it: DAP follows. */
final class HandshakeLine {
    static final int MAX_BYTES = 4096;

    private HandshakeLine() {
    }

    /** @throws IOException when the stream ends or the line is too long: the connection is refused */
    static String read(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (line.size() <= MAX_BYTES) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("it closed the connection before saying hello");
            }
            if (b == '\n') {
                return line.toString(StandardCharsets.UTF_8);
            }
            line.write(b);
        }
        throw new IOException("its first line is longer than " + MAX_BYTES + " bytes");
    }
}

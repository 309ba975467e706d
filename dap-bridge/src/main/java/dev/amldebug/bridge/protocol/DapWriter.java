package dev.amldebug.bridge.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes Content-Length framed DAP messages; safe to share between threads. */
public final class DapWriter {
    private final OutputStream out;

    public DapWriter(OutputStream out) {
        this.out = out;
    }

    public synchronized void write(byte[] body) throws IOException {
        out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }
}

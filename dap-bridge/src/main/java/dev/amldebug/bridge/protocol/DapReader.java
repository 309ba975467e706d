package dev.amldebug.bridge.protocol;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads Content-Length framed DAP messages, reading exactly the announced number of bytes
 * (as lsp4j's StreamMessageProducer does). Returns each body as raw bytes, untouched.
 */
public final class DapReader {
    private static final int MAX_HEADER_LINE = 1024;
    private static final int MAX_BODY = 64 * 1024 * 1024;

    private final InputStream in;

    public DapReader(InputStream in) {
        // Headers are read a byte at a time: without a buffer each byte would be a system call.
        this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in);
    }

    /** The next message body, or null at a clean end of stream (between messages). */
    public byte[] read() throws IOException {
        int length = -1;
        boolean sawHeader = false;
        while (true) {
            String line = readHeaderLine(sawHeader);
            if (line == null) {
                return null;
            }
            if (line.isEmpty()) {
                break;
            }
            sawHeader = true;
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new DapFramingException("malformed header line: " + abbreviate(line));
            }
            if (line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
                length = parseLength(line.substring(colon + 1).trim());
            }
        }
        if (length < 0) {
            throw new DapFramingException("message without a Content-Length header");
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new DapFramingException("stream ended inside a message (" + body.length + " of " + length + " bytes)");
        }
        return body;
    }

    private String readHeaderLine(boolean inHeader) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (line.size() == 0 && !inHeader) {
                    return null;
                }
                throw new DapFramingException("stream ended inside a header");
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.US_ASCII);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            if (line.size() >= MAX_HEADER_LINE) {
                throw new DapFramingException("header line longer than " + MAX_HEADER_LINE + " bytes");
            }
            line.write(b);
        }
    }

    private static int parseLength(String value) throws DapFramingException {
        try {
            int length = Integer.parseInt(value);
            if (length < 0 || length > MAX_BODY) {
                throw new DapFramingException("Content-Length out of range: " + value);
            }
            return length;
        } catch (NumberFormatException e) {
            throw new DapFramingException("Content-Length is not a number: " + abbreviate(value));
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}

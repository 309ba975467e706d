package dev.amldebug.bridge.protocol;

import java.io.IOException;

/** Bytes that are not a Content-Length framed DAP message. */
public class DapFramingException extends IOException {
    public DapFramingException(String message) {
        super(message);
    }
}

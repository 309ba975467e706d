package dev.amldebug.bridge.protocol;

/** Bytes that are not a Content-Length framed DAP message. */
public class DapFramingException extends java.io.IOException {
    public DapFramingException(String message) {
        super(message);
    }
}

package dev.amldebug.bridge.protocol;

/** A framed message whose body is not a DAP JSON object. */
public class DapJsonException extends Exception {
    public DapJsonException(String message) {
        super(message);
    }
}

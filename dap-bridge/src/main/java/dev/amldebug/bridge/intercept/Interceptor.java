package dev.amldebug.bridge.intercept;

import dev.amldebug.bridge.protocol.DapMessage;

/**
 * One deliberate rewrite of the DAP stream. Each returns the message it was given when it has
 * nothing to change, so everything else crosses the bridge byte for byte.
 */
public interface Interceptor {
    default DapMessage toDebuggee(DapMessage message) {
        return message;
    }

    default DapMessage toClient(DapMessage message) {
        return message;
    }
}

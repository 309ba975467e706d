package dev.amldebug.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.amldebug.bridge.protocol.DapMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** debugpy's answer to initialize, recorded from debugpy 1.6.3, for sessions whose debugpy is not known yet. */
final class DebugpyCapabilities {
    private DebugpyCapabilities() {
    }

    static JsonNode load() {
        try (InputStream in = DebugpyCapabilities.class.getResourceAsStream("debugpy-capabilities.json")) {
            return DapMessage.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the jar lacks debugpy-capabilities.json", e);
        }
    }
}

package dev.amldebug.bridge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.bridge.protocol.DapMessage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A DAP trace: every message that crosses the bridge, one JSON line each, when switched on. */
public interface DapTrace extends AutoCloseable {
    DapTrace NONE = (direction, message) -> { };

    /** @param direction "client", "debugpy", "to-client" or "to-debugpy" */
    void record(String direction, DapMessage message);

    @Override
    default void close() {
    }

    static DapTrace toFile(Path file) {
        try {
            BufferedWriter writer = Files.newBufferedWriter(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return new DapTrace() {
                @Override
                public synchronized void record(String direction, DapMessage message) {
                    ObjectNode line = DapMessage.JSON.createObjectNode();
                    line.put("time", System.currentTimeMillis()).put("direction", direction);
                    line.set("message", message.copyJson());
                    try {
                        writer.write(line.toString());
                        writer.newLine();
                        writer.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot write the DAP trace " + file, e);
                    }
                }

                @Override
                public synchronized void close() {
                    try {
                        writer.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the DAP trace " + file, e);
        }
    }
}

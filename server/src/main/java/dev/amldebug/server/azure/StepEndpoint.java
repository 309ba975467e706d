package dev.amldebug.server.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import dev.amldebug.runner.debug.ShimLines;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * The debug shim's machine-readable line, printed once debugpy listens:
 * {@code AML_DEBUG_ENDPOINT {"host": "10.0.0.4", "port": 5678, "cwd": "/mnt/azureml/cr/j/ID/exe/wd", "pid": 42}}
 * (docs/protocol.md, the debug shim). {@code cwd} is where the step's code folder is on the node; {@code rank} and
 * {@code node} are set for a process of a distributed step (RANK, NODE_RANK), null otherwise.
 */
public record StepEndpoint(String host, int port, String cwd, long pid, Integer rank, Integer node) {
    public static final String PREFIX = "AML_DEBUG_ENDPOINT ";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The endpoint in this line, if it is the shim's line. */
    public static Optional<StepEndpoint> in(String line) {
        int at = line.indexOf(PREFIX);
        if (at < 0) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(line.substring(at + PREFIX.length()).trim());
            if (!node.path("host").isTextual() || !node.path("port").canConvertToInt()) {
                return Optional.empty();
            }
            return Optional.of(new StepEndpoint(node.path("host").asText(), node.path("port").asInt(),
                    node.path("cwd").asText("."), node.path("pid").asLong(-1),
                    node.path("rank").canConvertToInt() ? node.path("rank").asInt() : null,
                    node.path("node").canConvertToInt() ? node.path("node").asInt() : null));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The first endpoint in some lines of text. */
    public static Optional<StepEndpoint> first(String text) {
        return all(text).stream().findFirst();
    }

    /** Every endpoint in some lines of text (the processes of a distributed step each print one). */
    public static List<StepEndpoint> all(String text) {
        return text.lines().map(StepEndpoint::in).flatMap(Optional::stream).toList();
    }

    /** A process that waits post-mortem: its pid and the exception, from the shim's AML_DEBUG_POST_MORTEM line. */
    public record Failure(long pid, String exception) {
    }

    /** The post-mortem waits announced in some lines of text. */
    public static List<Failure> failures(String text) {
        return text.lines().map(line -> ShimLines.postMortem(line).map(wait -> {
            try {
                JsonNode fields = JSON.readTree(line.substring(line.indexOf(ShimLines.POST_MORTEM_PREFIX)
                        + ShimLines.POST_MORTEM_PREFIX.length()));
                return new Failure(fields.path("pid").asLong(-1), wait.exception());
            } catch (IOException e) {
                return null;
            }
        })).flatMap(Optional::stream).filter(Objects::nonNull).toList();
    }

    /** How a process of a distributed step is named to the user ("rank 3 (node 1)"), or "" for a single process. */
    public String processName() {
        return rank == null ? "" : "rank " + rank + " (node " + (node == null ? 0 : node) + ")";
    }
}

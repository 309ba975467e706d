package dev.amldebug.runner.debug;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The debug shim's machine-readable lines in a run's output, recognised as the output comes: in pieces, with
 * stdout and stderr interleaved, so only whole lines count.
 */
public final class ShimLines {
    /** Begins the line the shim prints when an unhandled exception waits for a debugger (post-mortem). */
    public static final String POST_MORTEM_PREFIX = "AML_DEBUG_POST_MORTEM ";
    /** A line longer than this is no line of the shim's: what is kept of it goes. */
    private static final int MAX_LINE = 16 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A post-mortem wait: the exception as its traceback's last line names it, and how long it waits. */
    public record PostMortem(String exception, int timeoutSeconds) {
    }

    private final StringBuilder partial = new StringBuilder();

    /** The post-mortem waits announced by the lines that {@code text} completes. */
    public List<PostMortem> postMortems(String text) {
        List<PostMortem> found = new ArrayList<>();
        partial.append(text);
        int newline;
        while ((newline = partial.indexOf("\n")) >= 0) {
            postMortem(partial.substring(0, newline)).ifPresent(found::add);
            partial.delete(0, newline + 1);
        }
        if (partial.length() > MAX_LINE) {
            partial.setLength(0);
        }
        return found;
    }

    /** The post-mortem wait a line announces; the line may follow the script's own output that had no newline. */
    public static Optional<PostMortem> postMortem(String line) {
        int at = line.indexOf(POST_MORTEM_PREFIX);
        if (at < 0) {
            return Optional.empty();
        }
        try {
            JsonNode fields = JSON.readTree(line.substring(at + POST_MORTEM_PREFIX.length()));
            return Optional.of(new PostMortem(fields.path("exception").asText(""), fields.path("timeout").asInt()));
        } catch (JsonProcessingException e) {
            // The script printed something that looks like the shim's line; it is not one.
            return Optional.empty();
        }
    }
}

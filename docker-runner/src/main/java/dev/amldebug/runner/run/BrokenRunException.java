package dev.amldebug.runner.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.errors.ErrorKind;
import java.nio.file.Path;

/** A run whose run.json cannot be read: it names the file and what to do, and never blocks the other runs. */
public class BrokenRunException extends AmlDebugException {
    private final String runId;
    private final Path file;

    public BrokenRunException(String runId, Path file, Exception cause) {
        super(ErrorKind.BAD_INPUT, "Run " + runId + " is broken: " + file + " cannot be read ("
                + reason(cause) + "). Fix the file, or remove the folder " + file.getParent() + ".", cause);
        this.runId = runId;
        this.file = file;
    }

    public String runId() {
        return runId;
    }

    public Path file() {
        return file;
    }

    /** Jackson's own text names Java types; say where the JSON breaks instead. */
    private static String reason(Exception cause) {
        if (cause instanceof JsonProcessingException json && json.getLocation() != null) {
            return "not a valid run record at line " + json.getLocation().getLineNr() + ", column "
                    + json.getLocation().getColumnNr();
        }
        if (cause instanceof JsonProcessingException) {
            return "not a valid run record";
        }
        return cause.getMessage() == null ? "unreadable" : cause.getMessage();
    }
}

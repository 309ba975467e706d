package dev.amldebug.runner.image;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.errors.ErrorKind;
import java.util.List;

/** An image build failed: names the step that failed and keeps the tail of the build output. */
public class BuildFailedException extends AmlDebugException {
    private final String step;
    private final List<String> tail;

    public BuildFailedException(String step, String reason, List<String> tail) {
        super(ErrorKind.ENVIRONMENT, "Image build failed at " + (step == null ? "the first step" : "'" + step + "'") + ": " + reason);
        this.step = step;
        this.tail = List.copyOf(tail);
    }

    public String step() {
        return step;
    }

    public List<String> tail() {
        return tail;
    }
}

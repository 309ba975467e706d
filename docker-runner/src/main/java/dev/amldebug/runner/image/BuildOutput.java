package dev.amldebug.runner.image;

import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.model.BuildResponseItem;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/** Streams the lines of a build as they come, and remembers the current step and the last lines. */
final class BuildOutput extends BuildImageResultCallback {
    private static final int TAIL_LINES = 20;

    private final Consumer<String> lines;
    private final Deque<String> tail = new ArrayDeque<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile String step;
    private volatile String error;

    BuildOutput(Consumer<String> lines) {
        this.lines = lines;
    }

    @Override
    public void onNext(BuildResponseItem item) {
        if (item.getStream() != null) {
            partial.append(item.getStream());
            int newline;
            while ((newline = partial.indexOf("\n")) >= 0) {
                emit(partial.substring(0, newline));
                partial.delete(0, newline + 1);
            }
        }
        if (item.isErrorIndicated()) {
            error = item.getErrorDetail() != null ? item.getErrorDetail().getMessage() : item.getError();
            emit("ERROR: " + error);
        }
        super.onNext(item);
    }

    private synchronized void emit(String line) {
        if (line.isBlank()) {
            return;
        }
        if (line.startsWith("Step ")) {
            step = line;
        }
        tail.addLast(line);
        if (tail.size() > TAIL_LINES) {
            tail.removeFirst();
        }
        lines.accept(line);
    }

    String step() {
        return step;
    }

    String error() {
        return error;
    }

    synchronized List<String> tail() {
        return List.copyOf(tail);
    }
}

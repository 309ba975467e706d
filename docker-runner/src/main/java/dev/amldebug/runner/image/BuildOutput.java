package dev.amldebug.runner.image;

import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.model.BuildResponseItem;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Streams the lines of a build as they come, and remembers the current step and the last lines. */
final class BuildOutput extends BuildImageResultCallback {
    private static final int TAIL_LINES = 20;
    /** The classic builder's step lines: "Step 3/7 : RUN ...". */
    private static final Pattern STEP = Pattern.compile("^Step (\\d+)/(\\d+) :");

    private final ImageBuildListener lines;
    private final Deque<String> tail = new ArrayDeque<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile String step;
    private volatile String error;

    BuildOutput(ImageBuildListener lines) {
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
        Matcher matcher = STEP.matcher(line);
        if (matcher.find()) {
            step = line;
            lines.step(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
        }
        tail.addLast(line);
        if (tail.size() > TAIL_LINES) {
            tail.removeFirst();
        }
        lines.line(line);
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

package dev.amldebug.runner.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Appends timestamped lines to a run's {@code 60_control_log.txt} and passes them to the listener. */
public final class ControlLog {
    private final Path file;
    private final RunListener listener;

    public ControlLog(Path file, RunListener listener) {
        this.file = file;
        this.listener = listener;
    }

    public synchronized void line(String text) {
        String stamped = Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + text;
        try {
            Files.writeString(file, stamped + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        listener.controlLine(text);
    }
}

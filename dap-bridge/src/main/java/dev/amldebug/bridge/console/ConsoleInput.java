package dev.amldebug.bridge.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The user's lines, read on a worker: a read from a terminal cannot be interrupted, so the
 * prompt waits on a queue instead, and the end of the session can wake it at once.
 */
final class ConsoleInput {
    /** Compared by identity: no line the user types is this object. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String END = new String("end of input");

    private final BufferedReader in;
    private final Executor executor;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final AtomicBoolean reading = new AtomicBoolean();
    private volatile boolean sessionEnded;

    ConsoleInput(BufferedReader in, Executor executor) {
        this.in = in;
        this.executor = executor;
    }

    /** The next line, or null when the input ended or the session did. */
    String nextLine() throws InterruptedException {
        if (reading.compareAndSet(false, true)) {
            executor.execute(this::readAll);
        }
        String line = lines.take();
        if (line == END) {
            lines.add(END);
            return null;
        }
        return line;
    }

    /** The debuggee is gone: whoever waits for a line stops waiting. */
    void sessionEnded() {
        sessionEnded = true;
        lines.add(END);
    }

    boolean hasSessionEnded() {
        return sessionEnded;
    }

    private void readAll() {
        try {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // A closed terminal ends the input like end of file does.
        }
        lines.add(END);
    }
}

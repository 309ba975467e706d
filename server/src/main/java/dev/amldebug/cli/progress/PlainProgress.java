package dev.amldebug.cli.progress;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;

/**
 * Progress as whole lines, for a reader that is not a person at a terminal: at most one line per step, and a line at
 * the start and at the end of a transfer.
 */
final class PlainProgress implements Progress {
    private final PrintWriter out;

    PlainProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public Task steps(String task) {
        return new Task() {
            private long shown = -1;

            @Override
            public synchronized void stepTo(long step, long total) {
                if (step != shown) {
                    shown = step;
                    line(task + ": step " + step + "/" + total);
                }
            }
        };
    }

    @Override
    public Task bytes(String task, long totalBytes) {
        line(task + ": " + Amounts.bytes(totalBytes));
        Instant start = Instant.now();
        return new Task() {
            private long done;
            private boolean closed;

            @Override
            public synchronized void add(long amount) {
                done += amount;
            }

            @Override
            public synchronized void close() {
                if (closed) {
                    return;
                }
                closed = true;
                String took = Amounts.seconds(Duration.between(start, Instant.now()));
                line(done >= totalBytes ? task + ": done, " + Amounts.bytes(totalBytes) + " in " + took
                        : task + ": stopped after " + Amounts.bytes(done) + " of " + Amounts.bytes(totalBytes) + " (" + took + ")");
            }
        };
    }

    @Override
    public Task waiting(String what, Duration limit) {
        line(what + (limit == null ? "..." : " (up to " + limit.toSeconds() + " s)..."));
        return new Task() {
        };
    }

    private void line(String text) {
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }
}

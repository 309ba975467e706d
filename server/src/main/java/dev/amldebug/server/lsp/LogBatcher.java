package dev.amldebug.server.lsp;

import dev.amldebug.server.lsp.Protocol.RunLogParams;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Gathers log lines per run and file and sends them as azureml/runLog every few milliseconds,
 * so a chatty script cannot flood the client. Memory is bounded: past a limit the oldest
 * waiting lines are dropped and a line says how many.
 */
public final class LogBatcher implements AutoCloseable {
    static final long FLUSH_MILLIS = 25;
    static final int MAX_WAITING_LINES = 5_000;

    private final Consumer<RunLogParams> send;
    private final ScheduledFuture<?> flushing;
    private final Map<String, Pending> pending = new LinkedHashMap<>();

    /** @param scheduler the server's timer; the batcher flushes on it every {@value #FLUSH_MILLIS} ms */
    public LogBatcher(Consumer<RunLogParams> send, ScheduledExecutorService scheduler) {
        this.send = send;
        this.flushing = scheduler.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Whole lines, as the control log writes them. */
    public synchronized void lines(String runId, String file, List<String> lines) {
        Pending waiting = pending.computeIfAbsent(runId + "\n" + file, key -> new Pending(runId, file));
        lines.forEach(waiting::add);
    }

    /** Raw output: cut into lines; a partial last line waits for the rest. */
    public synchronized void text(String runId, String file, String text) {
        Pending waiting = pending.computeIfAbsent(runId + "\n" + file, key -> new Pending(runId, file));
        waiting.partial.append(text);
        int newline;
        while ((newline = waiting.partial.indexOf("\n")) >= 0) {
            waiting.add(waiting.partial.substring(0, newline));
            waiting.partial.delete(0, newline + 1);
        }
    }

    public void flush() {
        List<RunLogParams> batches = new ArrayList<>();
        synchronized (this) {
            for (Pending waiting : pending.values()) {
                if (!waiting.lines.isEmpty() || waiting.dropped > 0) {
                    batches.add(waiting.drain());
                }
            }
        }
        batches.forEach(send);
    }

    @Override
    public void close() {
        flushing.cancel(false);
        flush();
    }

    private static final class Pending {
        final String runId;
        final String file;
        final Deque<String> lines = new ArrayDeque<>();
        final StringBuilder partial = new StringBuilder();
        int dropped;

        Pending(String runId, String file) {
            this.runId = runId;
            this.file = file;
        }

        void add(String line) {
            lines.addLast(line);
            if (lines.size() > MAX_WAITING_LINES) {
                lines.removeFirst();
                dropped++;
            }
        }

        RunLogParams drain() {
            List<String> out = new ArrayList<>();
            if (dropped > 0) {
                out.add("[aml-debug: " + dropped + " lines dropped here to keep up; the full log is in the run's logs folder]");
                dropped = 0;
            }
            out.addAll(lines);
            lines.clear();
            return new RunLogParams(runId, file, out);
        }
    }
}

package dev.amldebug.cli;

import dev.amldebug.runner.run.RunStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Prints the rank logs of a distributed run ({@code user_logs/std_log_process_<rank>.txt}), whole lines as they come:
 * one rank's as written, or several with each line prefixed {@code [rank N] } (as {@code azure jobs logs --all}).
 */
final class RankLogPrinter {
    private final RunStore store;
    private final String runId;
    private final List<Integer> ranks;
    private final boolean prefixed;
    private final PrintWriter out;
    private final long[] offsets;

    RankLogPrinter(RunStore store, String runId, List<Integer> ranks, PrintWriter out) {
        this.store = store;
        this.runId = runId;
        this.ranks = List.copyOf(ranks);
        this.prefixed = ranks.size() > 1;
        this.out = out;
        this.offsets = new long[ranks.size()];
    }

    /** Prints the lines added since the last call; {@code last}: a line the process left unfinished, too. */
    void print(boolean last) {
        for (int i = 0; i < ranks.size(); i++) {
            Path file = store.processLog(runId, ranks.get(i));
            byte[] added = readFrom(file, offsets[i]);
            int end = last ? added.length : lastNewline(added) + 1;
            offsets[i] += end;
            String text = new String(Arrays.copyOf(added, end), StandardCharsets.UTF_8);
            if (prefixed) {
                String prefix = "[rank " + ranks.get(i) + "] ";
                text.lines().forEach(line -> out.println(prefix + line));
            } else {
                out.print(text);
            }
        }
        out.flush();
    }

    private static int lastNewline(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static byte[] readFrom(Path file, long offset) {
        if (!Files.exists(file)) {
            return new byte[0];
        }
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(Math.min(offset, Files.size(file)));
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}

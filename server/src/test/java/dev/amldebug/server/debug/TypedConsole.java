package dev.amldebug.server.debug;

import dev.amldebug.bridge.DapTrace;
import dev.amldebug.bridge.console.ConsoleOptions;
import dev.amldebug.bridge.console.Location;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/** The console debugger on a hub's ranks, with lines typed at its prompt and what it prints kept (and shown). */
final class TypedConsole {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PipedWriter typed = new PipedWriter();
    private final ConsoleOptions options;

    TypedConsole(Path project, List<Location> breakpoints) throws IOException {
        // Shown as it comes too, for whoever reads a failed run's log.
        OutputStream both = new OutputStream() {
            @Override
            public synchronized void write(int b) {
                printed.write(b);
                System.out.write(b);
            }
        };
        options = new ConsoleOptions(project, breakpoints, Map.of("name", "aml-debug console"), true, false,
                new PrintStream(both, true, StandardCharsets.UTF_8), new BufferedReader(new PipedReader(typed)), args -> { });
    }

    /** Debugs every rank that joins the hub until {@code expected} have joined and ended, or a quit. */
    CompletableFuture<OptionalInt> start(HubRanks ranks, int expected) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new ConsoleSession(ranks.executor, DapTrace.NONE).debugRanks(ranks.hub, ranks.pathMappings(),
                        true, options, expected);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, ranks.executor);
    }

    void type(String line) throws IOException {
        typed.write(line + "\n");
        typed.flush();
    }

    String text() {
        synchronized (printed) {
            return printed.toString(StandardCharsets.UTF_8);
        }
    }

    /** How many times a line matching {@code regex} was printed. */
    long count(String regex) {
        return java.util.regex.Pattern.compile("(?m)" + regex).matcher(text()).results().count();
    }
}

package dev.amldebug.server.debug;

import static org.awaitility.Awaitility.await;

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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The interactive console debugger on a {@link HubRanks}' hub, typed into and read as a user would. */
final class ConsoleOnHub {
    static final Duration WAIT = Duration.ofSeconds(120);

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PipedWriter typed = new PipedWriter();
    private final CompletableFuture<OptionalInt> console;

    ConsoleOnHub(HubRanks ranks, Path project, Location breakpoint, int expected) throws IOException {
        // Shown as it comes too, for whoever reads a failed run's log.
        OutputStream both = new OutputStream() {
            @Override
            public synchronized void write(int b) {
                printed.write(b);
                System.out.write(b);
            }
        };
        ConsoleOptions options = new ConsoleOptions(project, List.of(breakpoint), Map.of("name", "aml-debug console"),
                true, false, new PrintStream(both, true, StandardCharsets.UTF_8),
                new BufferedReader(new PipedReader(typed)), args -> { });
        console = CompletableFuture.supplyAsync(() -> {
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

    /** Waits until what was printed satisfies {@code done}. */
    void awaitText(Predicate<String> done) {
        await().atMost(WAIT).until(() -> done.test(text()));
    }

    OptionalInt end() throws Exception {
        return console.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
}

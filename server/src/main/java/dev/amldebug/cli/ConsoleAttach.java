package dev.amldebug.cli;

import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.bridge.DapTrace;
import dev.amldebug.bridge.target.PathMapping;
import dev.amldebug.bridge.hub.DebugHub;
import dev.amldebug.bridge.console.ConsoleOptions;
import dev.amldebug.bridge.console.Location;
import dev.amldebug.bridge.protocol.DapErrorCode;
import dev.amldebug.cli.output.Style;
import dev.amldebug.cli.output.Terminal;
import dev.amldebug.errors.Sentences;
import dev.amldebug.server.debug.ConsoleSession;
import dev.amldebug.server.run.RunService;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;

/** Runs the console debugger against a target: interactive on a terminal, printing and continuing otherwise. */
final class ConsoleAttach {
    private ConsoleAttach() {
    }

    /** Whether a debug session failed because debugpy could not be reached in the target's connect timeout. */
    static boolean unreachable(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof ResponseErrorException response && response.getResponseError().getData() != null
                    && String.valueOf(response.getResponseError().getData()).contains(String.valueOf(DapErrorCode.DEBUGGEE_UNREACHABLE.id()))) {
                return true;
            }
            if (e.getMessage() != null && e.getMessage().startsWith("Could not reach debugpy")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The console debugger on a run, in the background, the run's code folder mapped; sessions that share
     * {@code oneAtATime} take the terminal in turn. Why it stopped early goes to {@code err}.
     */
    static Future<?> onRun(RunService runs, String runId, List<String> breakpoints, DapTrace trace,
                           ExecutorService executor, Object oneAtATime, PrintWriter err, Terminal terminal) {
        return executor.submit(() -> {
            synchronized (oneAtATime) {
                try {
                    debug(runs.debugTarget(runId, true), Path.of(runs.store().read(runId).codeDir), breakpoints, false,
                            trace, executor, terminal);
                } catch (Exception e) {
                    err.println("aml-debug: the console debugger stopped: " + Sentences.of(e));
                }
            }
        });
    }

    static OptionalInt debug(BridgeTarget target, Path codeDir, List<String> breakpoints, boolean programOutput,
                             DapTrace trace, ExecutorService executor, Terminal terminal) throws Exception {
        try (trace) {
            return new ConsoleSession(executor, trace).debug(target, options(codeDir, breakpoints, programOutput, terminal));
        }
    }

    /**
     * The console debugger on every rank that dials {@code hub} (a session each: {@code ranks}, {@code rank N},
     * {@code c all}), until {@code expected} ranks have joined and ended; with {@code stopAll}, stop-the-world.
     */
    static OptionalInt debugRanks(DebugHub hub, List<PathMapping> mappings, boolean justMyCode, Path codeDir,
                                  List<String> breakpoints, int expected, boolean stopAll, DapTrace trace,
                                  ExecutorService executor, Terminal terminal) throws Exception {
        hub.stopAllRanks(stopAll);
        try (trace) {
            return new ConsoleSession(executor, trace).debugRanks(hub, mappings, justMyCode,
                    options(codeDir, breakpoints, true, terminal), expected);
        }
    }

    /** The console prints to this process's stdout: its stop lines are coloured when that is a colour terminal. */
    private static ConsoleOptions options(Path codeDir, List<String> breakpoints, boolean programOutput,
                                          Terminal terminal) {
        List<Location> locations = breakpoints.stream().map(b -> Location.parse(b, codeDir)).toList();
        PrintStream out = System.out;
        boolean interactive = System.console() != null;
        return new ConsoleOptions(codeDir, locations, Map.of("name", "aml-debug console"),
                interactive, programOutput, out, new BufferedReader(new InputStreamReader(System.in)), args -> { },
                line -> Style.BUSY.paint(line, terminal.colourOut()));
    }
}

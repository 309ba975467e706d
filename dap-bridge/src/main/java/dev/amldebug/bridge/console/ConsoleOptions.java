package dev.amldebug.bridge.console;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * How the console debugger runs.
 *
 * @param attachArguments the attach request's arguments (the bridge adds path mappings)
 * @param interactive     prompt for commands at each stop; otherwise print and continue
 * @param programOutput   print the debuggee's output events (off when the driver log is streamed already)
 * @param subprocesses    starts a session for a subprocess that debugpy announced, given its attach arguments
 * @param stopLine        how a "stopped at" line is shown: painted by the command line on a colour terminal
 */
public record ConsoleOptions(Path codeDir, List<Location> breakpoints, Map<String, Object> attachArguments,
                             boolean interactive, boolean programOutput, PrintStream out, BufferedReader in,
                             Consumer<Map<String, Object>> subprocesses, UnaryOperator<String> stopLine) {

    /** Stop lines as they are, with no colour. */
    public ConsoleOptions(Path codeDir, List<Location> breakpoints, Map<String, Object> attachArguments,
                          boolean interactive, boolean programOutput, PrintStream out, BufferedReader in,
                          Consumer<Map<String, Object>> subprocesses) {
        this(codeDir, breakpoints, attachArguments, interactive, programOutput, out, in, subprocesses,
                UnaryOperator.identity());
    }

    public ConsoleOptions withSubprocesses(Consumer<Map<String, Object>> handler) {
        return new ConsoleOptions(codeDir, breakpoints, attachArguments, interactive, programOutput, out, in, handler,
                stopLine);
    }

    public ConsoleOptions withAttachArguments(Map<String, Object> arguments) {
        return new ConsoleOptions(codeDir, breakpoints, arguments, interactive, programOutput, out, in, subprocesses,
                stopLine);
    }
}

package dev.amldebug.bridge.console;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How the console debugger runs.
 *
 * @param attachArguments the attach request's arguments (the bridge adds path mappings)
 * @param interactive     prompt for commands at each stop; otherwise print and continue
 * @param programOutput   print the debuggee's output events (off when the driver log is streamed already)
 */
public record ConsoleOptions(Path codeDir, List<Location> breakpoints, Map<String, Object> attachArguments,
                             boolean interactive, boolean programOutput, PrintStream out, BufferedReader in) {
}

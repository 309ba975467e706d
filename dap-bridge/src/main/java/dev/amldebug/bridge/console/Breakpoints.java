package dev.amldebug.bridge.console;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;

/** A session's line breakpoints, by file: each file's whole list goes to the adapter when it changes. */
final class Breakpoints {
    private final IDebugProtocolServer server;
    private final Map<Path, List<Integer>> lines = new LinkedHashMap<>();

    Breakpoints(IDebugProtocolServer server, List<Location> initial) {
        this.server = server;
        initial.forEach(b -> lines.computeIfAbsent(b.file(), f -> new ArrayList<>()).add(b.line()));
    }

    /** Sends the breakpoints given at the start, file by file. */
    void sendAll() throws Exception {
        for (Path file : lines.keySet()) {
            send(file);
        }
    }

    void add(Location location) throws Exception {
        lines.computeIfAbsent(location.file(), f -> new ArrayList<>()).add(location.line());
        send(location.file());
    }

    private void send(Path file) throws Exception {
        SetBreakpointsArguments arguments = new SetBreakpointsArguments();
        Source source = new Source();
        source.setPath(file.toString());
        arguments.setSource(source);
        arguments.setBreakpoints(lines.get(file).stream().map(line -> {
            SourceBreakpoint breakpoint = new SourceBreakpoint();
            breakpoint.setLine(line);
            return breakpoint;
        }).toArray(SourceBreakpoint[]::new));
        AdapterAnswer.await(server.setBreakpoints(arguments));
    }
}

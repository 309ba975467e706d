package dev.amldebug.bridge.console;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.OptionalInt;
import dev.amldebug.errors.AmlDebugException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import org.eclipse.lsp4j.debug.ExitedEventArguments;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.TerminatedEventArguments;
import org.eclipse.lsp4j.debug.launch.DSPLauncher;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;

/**
 * A small DAP client for the terminal: sets breakpoints, and at each stop prints where it
 * stopped and the top frame's locals, then continues (or, interactively, asks what to do).
 * Events arrive on lsp4j's thread and are handled on the caller's, so requests can wait.
 */
public final class ConsoleDebugger implements IDebugProtocolClient {
    private final ConsoleOptions options;
    private final ConsoleInput input;
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private OptionalInt exitCode = OptionalInt.empty();

    /** @param executor reads the user's input, so that the end of the session never waits for a keystroke */
    public ConsoleDebugger(ConsoleOptions options, Executor executor) {
        this.options = options;
        this.input = new ConsoleInput(options.in(), executor);
    }

    /** Debugs until the debuggee ends; returns its exit code when the adapter told it. */
    public OptionalInt run(InputStream fromAdapter, OutputStream toAdapter) throws Exception {
        Launcher<IDebugProtocolServer> launcher = DSPLauncher.createClientLauncher(this, fromAdapter, toAdapter);
        launcher.startListening();
        IDebugProtocolServer server = launcher.getRemoteProxy();
        server.initialize(initializeArguments()).get();
        server.attach(options.attachArguments());
        Session session = new Session(server, options, input);
        while (true) {
            Object event = events.take();
            if (event instanceof InitializedMarker) {
                session.configure();
            } else if (event instanceof StoppedEventArguments stopped) {
                if (!stop(session, stopped)) {
                    break;
                }
            } else if (event instanceof ExitedEventArguments exited) {
                exitCode = OptionalInt.of(exited.getExitCode());
            } else if (event instanceof TerminatedEventArguments) {
                break;
            }
        }
        session.detach();
        return exitCode;
    }

    /** A request that fails because the debuggee went away is said in a line; its terminated event follows. */
    private boolean stop(Session session, StoppedEventArguments stopped) throws Exception {
        try {
            return session.onStop(stopped);
        } catch (AmlDebugException e) {
            options.out().println("aml-debug: " + e.getMessage());
            return true;
        }
    }

    static InitializeRequestArguments initializeArguments() {
        InitializeRequestArguments arguments = new InitializeRequestArguments();
        arguments.setClientID("aml-debug");
        arguments.setClientName("aml-debug console");
        arguments.setAdapterID("python");
        arguments.setLinesStartAt1(true);
        arguments.setColumnsStartAt1(true);
        arguments.setPathFormat("path");
        arguments.setSupportsVariableType(true);
        return arguments;
    }

    @Override
    public void initialized() {
        events.add(new InitializedMarker());
    }

    @Override
    public void stopped(StoppedEventArguments args) {
        events.add(args);
    }

    @Override
    public void exited(ExitedEventArguments args) {
        events.add(args);
    }

    @Override
    public void terminated(TerminatedEventArguments args) {
        events.add(args == null ? new TerminatedEventArguments() : args);
        input.sessionEnded();
    }

    @Override
    public void output(OutputEventArguments args) {
        String category = args.getCategory() == null ? "console" : args.getCategory();
        boolean program = category.equals("stdout") || category.equals("stderr");
        if (category.equals("telemetry") || (program && !options.programOutput())) {
            return;
        }
        options.out().print(args.getOutput());
        options.out().flush();
    }

    /** debugpy's own event: a subprocess waits for a debugger of its own. */
    @JsonNotification("debugpyAttach")
    public void debugpyAttach(Map<String, Object> attachArguments) {
        options.subprocesses().accept(attachArguments);
    }

    private record InitializedMarker() {
    }
}

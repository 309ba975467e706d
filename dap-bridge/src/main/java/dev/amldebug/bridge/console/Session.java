package dev.amldebug.bridge.console;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.errors.ErrorKind;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.DisconnectArguments;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.NextArguments;
import org.eclipse.lsp4j.debug.ScopesArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetExceptionBreakpointsArguments;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StepInArguments;
import org.eclipse.lsp4j.debug.StepOutArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablesArguments;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;

/** The requests of one console debugging session, and the interactive commands on top of them. */
final class Session {
    private static final long REQUEST_SECONDS = 30;
    private static final int MAX_VALUE = 160;
    static final String HELP = "commands: c(ontinue), n(ext), s(tep in), finish, bt, p EXPR, b FILE:LINE, q(uit), help";

    private final IDebugProtocolServer server;
    private final ConsoleOptions options;
    private final ConsoleInput input;
    private final PrintStream out;
    private final Map<Path, List<Integer>> breakpoints = new LinkedHashMap<>();
    private boolean detached;

    Session(IDebugProtocolServer server, ConsoleOptions options, ConsoleInput input) {
        this.server = server;
        this.options = options;
        this.input = input;
        this.out = options.out();
        options.breakpoints().forEach(b -> breakpoints.computeIfAbsent(b.file(), f -> new ArrayList<>()).add(b.line()));
    }

    void configure() throws Exception {
        for (Path file : breakpoints.keySet()) {
            sendBreakpoints(file);
        }
        SetExceptionBreakpointsArguments exceptions = new SetExceptionBreakpointsArguments();
        exceptions.setFilters(new String[0]);
        await(server.setExceptionBreakpoints(exceptions));
        await(server.configurationDone(new ConfigurationDoneArguments()));
    }

    private void sendBreakpoints(Path file) throws Exception {
        SetBreakpointsArguments arguments = new SetBreakpointsArguments();
        Source source = new Source();
        source.setPath(file.toString());
        arguments.setSource(source);
        arguments.setBreakpoints(breakpoints.get(file).stream().map(line -> {
            SourceBreakpoint breakpoint = new SourceBreakpoint();
            breakpoint.setLine(line);
            return breakpoint;
        }).toArray(SourceBreakpoint[]::new));
        await(server.setBreakpoints(arguments));
    }

    /** @return false when the user quit */
    boolean onStop(StoppedEventArguments stopped) throws Exception {
        int thread = stopped.getThreadId() == null ? 0 : stopped.getThreadId();
        StackFrame[] frames = stack(thread);
        if (frames.length == 0) {
            resume(thread, "c");
            return true;
        }
        StackFrame top = frames[0];
        out.println("stopped at " + Location.relative(top.getSource() == null ? null : top.getSource().getPath(),
                options.codeDir()) + ":" + top.getLine() + " in " + top.getName());
        printLocals(top);
        if (!options.interactive()) {
            resume(thread, "c");
            return true;
        }
        return new Prompt(this, thread, top, options, input).loop();
    }

    StackFrame[] stack(int thread) throws Exception {
        StackTraceArguments arguments = new StackTraceArguments();
        arguments.setThreadId(thread);
        StackFrame[] frames = await(server.stackTrace(arguments)).getStackFrames();
        return frames == null ? new StackFrame[0] : frames;
    }

    void printLocals(StackFrame frame) throws Exception {
        ScopesArguments scopes = new ScopesArguments();
        scopes.setFrameId(frame.getId());
        var found = await(server.scopes(scopes)).getScopes();
        if (found == null || found.length == 0) {
            return;
        }
        VariablesArguments variables = new VariablesArguments();
        variables.setVariablesReference(found[0].getVariablesReference());
        for (Variable variable : await(server.variables(variables)).getVariables()) {
            // debugpy groups dunder names under "special variables" and the like.
            if (!variable.getName().endsWith(" variables")) {
                out.println("  " + variable.getName() + " = " + oneLine(variable.getValue()));
            }
        }
        out.flush();
    }

    /** A value on one line, cut at a readable length: arrays and frames can print thousands of lines. */
    static String oneLine(String value) {
        String flat = value == null ? "" : value.replaceAll("\\s*\\n\\s*", " ");
        return flat.length() > MAX_VALUE ? flat.substring(0, MAX_VALUE - 3) + "..." : flat;
    }

    void resume(int thread, String how) throws Exception {
        switch (how) {
            case "n" -> {
                NextArguments next = new NextArguments();
                next.setThreadId(thread);
                await(server.next(next));
            }
            case "s" -> {
                StepInArguments stepIn = new StepInArguments();
                stepIn.setThreadId(thread);
                await(server.stepIn(stepIn));
            }
            case "finish" -> {
                StepOutArguments stepOut = new StepOutArguments();
                stepOut.setThreadId(thread);
                await(server.stepOut(stepOut));
            }
            default -> {
                ContinueArguments resume = new ContinueArguments();
                resume.setThreadId(thread);
                await(server.continue_(resume));
            }
        }
    }

    String evaluate(String expression, int frameId) throws Exception {
        EvaluateArguments arguments = new EvaluateArguments();
        arguments.setExpression(expression);
        arguments.setFrameId(frameId);
        arguments.setContext("repl");
        try {
            return await(server.evaluate(arguments)).getResult();
        } catch (AmlDebugException e) {
            return "error: " + e.getMessage();
        }
    }

    void addBreakpoint(Location location) throws Exception {
        breakpoints.computeIfAbsent(location.file(), f -> new ArrayList<>()).add(location.line());
        sendBreakpoints(location.file());
    }

    /** Leaves the debuggee running, or ends it when asked to. */
    void detach(boolean terminate) {
        if (detached) {
            return;
        }
        detached = true;
        DisconnectArguments arguments = new DisconnectArguments();
        arguments.setTerminateDebuggee(terminate);
        try {
            server.disconnect(arguments).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // The debuggee has usually ended already; there is nobody left to say goodbye to.
        }
    }

    void detach() {
        detach(false);
    }

    /** The answer, or the adapter's own sentence (never a Java class name) when it refused or did not answer. */
    static <T> T await(java.util.concurrent.CompletableFuture<T> request) throws Exception {
        try {
            return request.get(REQUEST_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AmlDebugException(ErrorKind.ENVIRONMENT, "the debug adapter did not answer within "
                    + REQUEST_SECONDS + " s", e);
        } catch (ExecutionException e) {
            String reason = e.getCause() instanceof ResponseErrorException refused
                    ? refused.getResponseError().getMessage() : String.valueOf(e.getCause().getMessage());
            throw new AmlDebugException(ErrorKind.ENVIRONMENT, reason, e.getCause());
        }
    }
}

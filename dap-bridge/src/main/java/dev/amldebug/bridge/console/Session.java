package dev.amldebug.bridge.console;

import dev.amldebug.errors.AmlDebugException;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.DisconnectArguments;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.EvaluateResponse;
import org.eclipse.lsp4j.debug.NextArguments;
import org.eclipse.lsp4j.debug.SetExceptionBreakpointsArguments;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StepInArguments;
import org.eclipse.lsp4j.debug.StepOutArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;

/** The requests of one console debugging session, and the interactive commands on top of them. */
final class Session {
    static final String HELP = "commands: c(ontinue), n(ext), s(tep in), finish, bt, p EXPR, b FILE:LINE, q(uit), help";

    private final IDebugProtocolServer server;
    private final ConsoleOptions options;
    private final ConsoleInput input;
    private final PrintStream out;
    private final Breakpoints breakpoints;
    private final Locals locals;
    private boolean detached;

    Session(IDebugProtocolServer server, ConsoleOptions options, ConsoleInput input) {
        this.server = server;
        this.options = options;
        this.input = input;
        this.out = options.out();
        this.breakpoints = new Breakpoints(server, options.breakpoints());
        this.locals = new Locals(server, out);
    }

    void configure() throws Exception {
        breakpoints.sendAll();
        SetExceptionBreakpointsArguments exceptions = new SetExceptionBreakpointsArguments();
        exceptions.setFilters(new String[0]);
        AdapterAnswer.await(server.setExceptionBreakpoints(exceptions));
        AdapterAnswer.await(server.configurationDone(new ConfigurationDoneArguments()));
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
        out.println(options.stopLine().apply("stopped at " + Location.relative(top.getSource() == null ? null
                : top.getSource().getPath(), options.codeDir()) + ":" + top.getLine() + " in " + top.getName()));
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
        StackFrame[] frames = AdapterAnswer.await(server.stackTrace(arguments)).getStackFrames();
        return frames == null ? new StackFrame[0] : frames;
    }

    void printLocals(StackFrame frame) throws Exception {
        locals.print(frame);
    }

    void resume(int thread, String how) throws Exception {
        switch (how) {
            case "n" -> {
                NextArguments next = new NextArguments();
                next.setThreadId(thread);
                AdapterAnswer.await(server.next(next));
            }
            case "s" -> {
                StepInArguments stepIn = new StepInArguments();
                stepIn.setThreadId(thread);
                AdapterAnswer.await(server.stepIn(stepIn));
            }
            case "finish" -> {
                StepOutArguments stepOut = new StepOutArguments();
                stepOut.setThreadId(thread);
                AdapterAnswer.await(server.stepOut(stepOut));
            }
            default -> {
                ContinueArguments resume = new ContinueArguments();
                resume.setThreadId(thread);
                AdapterAnswer.await(server.continue_(resume));
            }
        }
    }

    String evaluate(String expression, int frameId) throws Exception {
        return result(evaluation(expression, frameId));
    }

    /** The request alone, so that many ranks can be asked at once. */
    CompletableFuture<EvaluateResponse> evaluation(String expression, int frameId) {
        EvaluateArguments arguments = new EvaluateArguments();
        arguments.setExpression(expression);
        arguments.setFrameId(frameId);
        arguments.setContext("repl");
        return server.evaluate(arguments);
    }

    /** The value, or the adapter's sentence when the expression failed. */
    static String result(CompletableFuture<EvaluateResponse> evaluation) throws Exception {
        try {
            return AdapterAnswer.await(evaluation).getResult();
        } catch (AmlDebugException e) {
            return "error: " + e.getMessage();
        }
    }

    void addBreakpoint(Location location) throws Exception {
        breakpoints.add(location);
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
}

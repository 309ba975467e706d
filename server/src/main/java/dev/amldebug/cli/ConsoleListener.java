package dev.amldebug.cli;

import dev.amldebug.cli.progress.Progress;
import dev.amldebug.runner.run.RunEvent;
import dev.amldebug.runner.run.RunListener;
import dev.amldebug.runner.run.RunRecord;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Prints a run as it goes: control lines on stderr, the script's output on stdout; the image build's steps and the
 * wait for a debugger as progress (bars on a terminal, plain lines otherwise).
 */
final class ConsoleListener implements RunListener {
    private final PrintWriter out;
    private final PrintWriter err;
    private final Progress progress;
    private final Consumer<RunEvent> events;
    private Progress.Task build;
    private int buildStep;
    private Progress.Task debuggerWait;
    private Instant waitEnds = Instant.MAX;

    /** @param events hears the run's typed events (a post-mortem wait, for one) */
    ConsoleListener(PrintWriter out, PrintWriter err, Progress progress, Consumer<RunEvent> events) {
        this.out = out;
        this.err = err;
        this.progress = progress;
        this.events = events;
    }

    @Override
    public void event(RunEvent event) {
        show(event);
        events.accept(event);
    }

    private synchronized void show(RunEvent event) {
        if (event instanceof RunEvent.ImageBuildStep step) {
            if (step.step() <= buildStep) {
                build = closed(build); // the next image (an environment's base is built first)
            }
            if (build == null) {
                build = progress.steps("Building image");
            }
            buildStep = step.step();
            build.stepTo(step.step(), step.total());
            return;
        }
        build = closed(build);
        if (event instanceof RunEvent.WaitingForDebugger waiting) {
            debuggerWait = closed(debuggerWait);
            Duration limit = waiting.timeoutSeconds() > 0 ? Duration.ofSeconds(waiting.timeoutSeconds()) : null;
            debuggerWait = progress.waiting("Waiting for a debugger on " + waiting.endpoint(), limit);
            waitEnds = limit == null ? Instant.MAX : Instant.now().plus(limit);
        } else if (event instanceof RunEvent.DebuggerAttached || event instanceof RunEvent.PostMortemWaiting) {
            debuggerWait = closed(debuggerWait);
        }
    }

    @Override
    public synchronized void statusChanged(RunRecord record) {
        if (record.status.isTerminal()) {
            build = closed(build);
            debuggerWait = closed(debuggerWait);
        }
    }

    @Override
    public void controlLine(String line) {
        synchronized (this) {
            if (build != null && progress.onTerminal()) {
                return; // the bar stands for the build's lines, which stay in the control log
            }
        }
        err.println("[control] " + line);
        err.flush();
    }

    @Override
    public void driverOutput(String text) {
        synchronized (this) {
            // The shim's own lines come before the wait; the script's, once the wait is over.
            if (debuggerWait != null && Instant.now().isAfter(waitEnds)) {
                debuggerWait = closed(debuggerWait);
            }
        }
        out.print(text);
        out.flush();
    }

    /** Closes {@code task} (when there is one); null, for the field that held it. */
    private static Progress.Task closed(Progress.Task task) {
        if (task != null) {
            task.close();
        }
        return null;
    }
}

package dev.amldebug.cli;

import dev.amldebug.cli.output.StatusStyle;
import dev.amldebug.cli.progress.Progress;
import dev.amldebug.runner.run.RunEvent;
import dev.amldebug.runner.run.RunKind;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStatus;
import dev.amldebug.server.run.pipeline.PipelineListener;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Prints a pipeline as it goes: a line per step start and end on stdout, each step's output on stdout and its
 * control log on stderr, every line prefixed by the step's name. {@code onStepStarted} hears each step start
 * (the console debugger attaches to debug steps there).
 */
final class PipelineConsole implements PipelineListener {
    private final PrintWriter out;
    private final PrintWriter err;
    private final Consumer<RunEvent.StepStarted> onStepStarted;
    private final Consumer<RunEvent> onStepEvent;
    /** A step's output not yet ended by a newline: steps run at once, so lines are printed whole. */
    private final Map<String, StringBuilder> partial = new ConcurrentHashMap<>();
    private final Progress progress;
    private final boolean colour;
    /** A step's image build as it goes (a bar for one, plain lines for a second at the same time). */
    private final Map<String, Progress.Task> builds = new ConcurrentHashMap<>();

    /** @param onStepEvent hears each step's typed events (a post-mortem wait, for one) */
    /** @param colour paint the steps' statuses (stdout is a colour terminal) */
    PipelineConsole(PrintWriter out, PrintWriter err, Progress progress, boolean colour,
                    Consumer<RunEvent.StepStarted> onStepStarted, Consumer<RunEvent> onStepEvent) {
        this.out = out;
        this.colour = colour;
        this.err = err;
        this.progress = progress;
        this.onStepStarted = onStepStarted;
        this.onStepEvent = onStepEvent;
    }

    @Override
    public void stepEvent(String pipelineId, String step, RunEvent event) {
        if (event instanceof RunEvent.ImageBuildStep build) {
            builds.computeIfAbsent(step, name -> progress.steps("Building image for step " + name))
                    .stepTo(build.step(), build.total());
            return;
        }
        endBuild(step);
        if (event instanceof RunEvent.PostMortemWaiting) {
            flush(step);
        }
        onStepEvent.accept(event);
    }

    private void endBuild(String step) {
        Progress.Task build = builds.remove(step);
        if (build != null) {
            build.close();
        }
    }

    /** The pipeline is queued: its id first, before any step's line. */
    @Override
    public void statusChanged(RunRecord record) {
        if (record.kind == RunKind.pipeline && record.status == RunStatus.Queued) {
            print("run: " + record.id);
        }
    }

    @Override
    public void stepControlLine(String step, String line) {
        if (builds.containsKey(step) && progress.onTerminal()) {
            return; // the bar stands for the build's lines, which stay in the step's control log
        }
        synchronized (err) {
            err.println("[" + step + "] [control] " + line);
            err.flush();
        }
    }

    @Override
    public void stepOutput(String step, String text) {
        StringBuilder pending = partial.computeIfAbsent(step, key -> new StringBuilder());
        synchronized (pending) {
            pending.append(text);
            int newline;
            while ((newline = pending.indexOf("\n")) >= 0) {
                print("[" + step + "] " + pending.substring(0, newline));
                pending.delete(0, newline + 1);
            }
        }
    }

    @Override
    public void event(RunEvent event) {
        if (event instanceof RunEvent.StepStarted started) {
            endBuild(started.step());
            print("step " + started.step() + ": " + StatusStyle.paint("Running", colour) + " (run " + started.runId() + ")");
            if (started.debugEndpoint() != null) {
                print("step " + started.step() + ": debugpy at " + started.debugEndpoint() + "; attach: aml-debug attach "
                        + started.runId());
            }
            onStepStarted.accept(started);
        } else if (event instanceof RunEvent.StepEnded ended) {
            endBuild(ended.step());
            flush(ended.step());
            String detail = ended.reusedFrom() != null ? " (reused " + ended.reusedFrom() + ")"
                    : ended.reason() != null ? " (" + ended.reason() + ")" : "";
            print("step " + ended.step() + ": " + StatusStyle.paint(ended.status().name(), colour) + detail);
        }
    }

    private void flush(String step) {
        StringBuilder pending = partial.remove(step);
        if (pending != null && !pending.isEmpty()) {
            print("[" + step + "] " + pending);
        }
    }

    private void print(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}

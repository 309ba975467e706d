package dev.amldebug.cli;

import dev.amldebug.bridge.target.PathMapping;
import dev.amldebug.bridge.hub.DebugHub;
import dev.amldebug.cli.progress.Progress;
import dev.amldebug.errors.Sentences;
import dev.amldebug.runner.spec.ContainerPaths;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStatus;
import dev.amldebug.server.run.pipeline.PipelineRequest;
import dev.amldebug.server.run.RunRequest;
import dev.amldebug.server.run.RunService;
import dev.amldebug.runner.run.SubmittedRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A local run in the foreground, as {@code run} and {@code azure replay} start it: prints its id, streams its driver
 * log, attaches the console debugger for --break, cancels it on Ctrl-C, and returns the script's exit code. A
 * pipeline the same way, with the console debugger on each debug step in turn.
 */
final class ForegroundRun {
    private final WorkspaceOption workspace;
    private final DebugFlags debugFlags;
    private final boolean detach;
    private final CommandSpec command;
    private final Progress progress;

    ForegroundRun(WorkspaceOption workspace, DebugFlags debugFlags, boolean detach, CommandSpec command, Progress progress) {
        this.workspace = workspace;
        this.debugFlags = debugFlags;
        this.detach = detach;
        this.command = command;
        this.progress = progress;
    }

    int run(RunService runs, RunRequest request) throws Exception {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        Object oneAtATime = new Object();
        PostMortemAttach postMortem = new PostMortemAttach(err, runId -> attachConsole(runs, runId, oneAtATime));
        SubmittedRun run = runs.submit(request, new ConsoleListener(out, err, progress, postMortem::on));
        out.println("run: " + run.id());
        out.flush();
        Future<?> reconciling = null;
        CancelOnInterrupt interrupt = CancelOnInterrupt.install(runs, run.id(), detach, err);
        try {
            RunRecord started = run.awaitStarted();
            // Runs that others left behind are looked at once this one runs: its start waits for nothing.
            reconciling = workspace.threads().blocking().submit(() -> reconcileQuietly(err));
            if (started.debugEndpoint != null) {
                RunReport.debugEndpoint(started, err);
            }
            if (detach) {
                err.println("Detached. Follow it with: aml-debug runs logs " + run.id() + " --follow");
                return 0;
            }
            boolean ranks = runs.debugHub(run.id()).isPresent();
            if (!debugFlags.breakpoints.isEmpty() || ranks) {
                postMortem.attachedTo(run.id());
            }
            Future<?> debugger = ranks ? attachRanks(runs, started, request)
                    : debugFlags.breakpoints.isEmpty() ? null : attachConsole(runs, run.id(), oneAtATime);
            RunRecord ended = run.awaitEnded();
            postMortem.awaitSessions();
            if (debugger != null || postMortem.attachedAny()) {
                awaitQuietly(debugger);
                out.println("exit code: " + ended.exitCode);
            }
            RunReport.ended(ended, runs.store(), err, CliContext.of(command).terminal().colourErr());
            return RunReport.exitCode(ended);
        } finally {
            awaitQuietly(reconciling);
            interrupt.remove();
        }
    }

    /** A pipeline: the steps in containers, the chosen ones under the debugger; exit 0 when it completed, else 1. */
    int runPipeline(RunService runs, PipelineRequest request) throws Exception {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        List<Future<?>> debuggers = new CopyOnWriteArrayList<>();
        Object oneAtATime = new Object();
        PostMortemAttach postMortem = new PostMortemAttach(err, runId -> attachConsole(runs, runId, oneAtATime));
        PipelineConsole console = new PipelineConsole(out, err, progress, CliContext.of(command).terminal().colourOut(), started -> {
            if (started.debugEndpoint() != null && !debugFlags.breakpoints.isEmpty()) {
                postMortem.attachedTo(started.runId());
                debuggers.add(attachConsole(runs, started.runId(), oneAtATime));
            }
        }, postMortem::on);
        SubmittedRun run = runs.submitPipeline(request, console);
        CancelOnInterrupt interrupt = CancelOnInterrupt.install(runs, run.id(), false, err);
        try {
            RunRecord ended = run.awaitEnded();
            for (Future<?> debugger : debuggers) {
                awaitQuietly(debugger);
            }
            postMortem.awaitSessions();
            err.printf("pipeline %s %s%s%n", ended.id, ended.status, ended.error == null ? "" : ": " + ended.error);
            err.println("steps:   aml-debug runs show " + ended.id);
            err.flush();
            return ended.status == RunStatus.Completed ? 0 : 1;
        } finally {
            interrupt.remove();
        }
    }

    private void reconcileQuietly(PrintWriter err) {
        try {
            workspace.reconcile(err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            err.println("note: runs left by other processes were not checked: " + Sentences.of(e));
        }
    }

    /** The console debugger on every debugged rank of a distributed run, a session each, as they dial its debug hub. */
    private Future<?> attachRanks(RunService runs, RunRecord started, RunRequest request) {
        DebugHub hub = runs.debugHub(started.id).orElseThrow();
        int expected = request.debugRanks().isEmpty() ? started.distributed().ranks() : request.debugRanks().size();
        PrintWriter err = command.commandLine().getErr();
        err.println("debug hub: " + hub.address().getHostString() + ":" + hub.address().getPort() + " (" + expected
                + " ranks dial it; code " + started.codeDir + " is " + ContainerPaths.CODE + " on the nodes)");
        err.flush();
        return workspace.threads().blocking().submit(() -> {
            try {
                ConsoleAttach.debugRanks(hub, List.of(new PathMapping(started.codeDir, ContainerPaths.CODE)), true,
                        Path.of(started.codeDir), debugFlags.breakpoints, expected, debugFlags.stopAll.stopAll, debugFlags.trace(),
                        workspace.threads().blocking(), CliContext.of(command).terminal());
            } catch (Exception e) {
                err.println("aml-debug: the console debugger stopped: " + Sentences.of(e));
            }
        });
    }

    /** The console debugger on a run; attachments that share {@code oneAtATime} take the terminal in turn. */
    private Future<?> attachConsole(RunService runs, String runId, Object oneAtATime) {
        return ConsoleAttach.onRun(runs, runId, debugFlags.breakpoints, debugFlags.trace(), workspace.threads().blocking(),
                oneAtATime, command.commandLine().getErr(), CliContext.of(command).terminal());
    }

    private static void awaitQuietly(Future<?> work) throws InterruptedException {
        if (work == null) {
            return;
        }
        try {
            work.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // The run has ended; work beside it (a console debugger, a reconciliation) that has not finished has nothing left to show.
        }
    }

}

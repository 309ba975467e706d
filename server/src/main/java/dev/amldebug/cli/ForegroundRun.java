package dev.amldebug.cli;

import dev.amldebug.bridge.target.PathMapping;
import dev.amldebug.bridge.hub.DebugHub;
import dev.amldebug.errors.Sentences;
import dev.amldebug.runner.spec.ContainerPaths;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStatus;
import dev.amldebug.runner.run.RunStore;
import dev.amldebug.server.run.PipelineRequest;
import dev.amldebug.server.run.RunRequest;
import dev.amldebug.server.run.RunService;
import dev.amldebug.server.run.SubmittedRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
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

    ForegroundRun(WorkspaceOption workspace, DebugFlags debugFlags, boolean detach, CommandSpec command) {
        this.workspace = workspace;
        this.debugFlags = debugFlags;
        this.detach = detach;
        this.command = command;
    }

    int run(RunService runs, RunRequest request) throws Exception {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        Object oneAtATime = new Object();
        PostMortemAttach postMortem = new PostMortemAttach(err, runId -> attachConsole(runs, runId, oneAtATime));
        SubmittedRun run = runs.submit(request, new ConsoleListener(out, err, postMortem::on));
        out.println("run: " + run.id());
        out.flush();
        CountDownLatch finished = new CountDownLatch(1);
        Future<?> reconciling = null;
        Thread cancelOnInterrupt = new Thread(() -> cancel(runs, run.id(), finished, err));
        Runtime.getRuntime().addShutdownHook(cancelOnInterrupt);
        try {
            RunRecord started = run.awaitStarted();
            // Runs that others left behind are looked at once this one runs: its start waits for nothing.
            reconciling = workspace.threads().blocking().submit(() -> reconcileQuietly(err));
            if (started.debugEndpoint != null) {
                explainDebugEndpoint(started, err);
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
            summarize(ended, runs.store(), err);
            return ended.status == RunStatus.Completed ? 0 : exitCode(ended);
        } finally {
            awaitQuietly(reconciling);
            finished.countDown();
            removeHook(cancelOnInterrupt);
        }
    }

    /** A pipeline: the steps in containers, the chosen ones under the debugger; exit 0 when it completed, else 1. */
    int runPipeline(RunService runs, PipelineRequest request) throws Exception {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        List<Future<?>> debuggers = new CopyOnWriteArrayList<>();
        Object oneAtATime = new Object();
        PostMortemAttach postMortem = new PostMortemAttach(err, runId -> attachConsole(runs, runId, oneAtATime));
        PipelineConsole console = new PipelineConsole(out, err, started -> {
            if (started.debugEndpoint() != null && !debugFlags.breakpoints.isEmpty()) {
                postMortem.attachedTo(started.runId());
                debuggers.add(attachConsole(runs, started.runId(), oneAtATime));
            }
        }, postMortem::on);
        SubmittedRun run = runs.submitPipeline(request, console);
        CountDownLatch finished = new CountDownLatch(1);
        Thread cancelOnInterrupt = new Thread(() -> cancel(runs, run.id(), finished, err));
        Runtime.getRuntime().addShutdownHook(cancelOnInterrupt);
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
            finished.countDown();
            removeHook(cancelOnInterrupt);
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

    private static void explainDebugEndpoint(RunRecord record, PrintWriter err) {
        err.println("debugpy: " + record.debugEndpoint + " (code " + record.codeDir + " is /aml/code in the container)");
        err.println("attach:  aml-debug attach " + record.id + "   or any DAP client: host/port " + record.debugEndpoint
                + ", pathMappings " + record.codeDir + " -> /aml/code");
        err.flush();
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
                        Path.of(started.codeDir), debugFlags.breakpoints, expected, debugFlags.trace(),
                        workspace.threads().blocking());
            } catch (Exception e) {
                err.println("aml-debug: the console debugger stopped: " + Sentences.of(e));
            }
        });
    }

    /** The console debugger on a run; attachments that share {@code oneAtATime} take the terminal in turn. */
    private Future<?> attachConsole(RunService runs, String runId, Object oneAtATime) {
        return ConsoleAttach.onRun(runs, runId, debugFlags.breakpoints, debugFlags.trace(), workspace.threads().blocking(),
                oneAtATime, command.commandLine().getErr());
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

    /** On Ctrl-C: stop the container, and give the main thread time to record Canceled and flush the logs. */
    private void cancel(RunService runs, String runId, CountDownLatch finished, PrintWriter err) {
        if (finished.getCount() == 0 || !runs.store().read(runId).isActive() || detach) {
            return;
        }
        err.println("\nCanceling run " + runId + "...");
        err.flush();
        try {
            runs.cancel(runId);
            finished.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down, and the hook is running: nothing to remove.
        }
    }

    private static int exitCode(RunRecord ended) {
        return ended.exitCode == null || ended.exitCode == 0 ? 1 : ended.exitCode;
    }

    private static void summarize(RunRecord ended, RunStore store, PrintWriter err) {
        Duration took = Duration.between(ended.startedAt, ended.endedAt);
        err.printf("run %s %s (exit code %s) in %.1f s%n", ended.id, ended.status, ended.exitCode,
                took.toMillis() / 1000.0);
        if (ended.status == RunStatus.Failed && ended.error != null) {
            err.println("failed:  " + ended.error);
        }
        err.println("logs:    " + store.dir(ended.id).resolve("logs"));
        if (ended.distributed().ranks() != null) {
            err.println("ranks:   aml-debug runs logs " + ended.id + " --rank N   (or --all); files in "
                    + store.userLogs(ended.id));
        }
        err.println("outputs: " + store.outputs(ended.id));
        err.flush();
    }
}

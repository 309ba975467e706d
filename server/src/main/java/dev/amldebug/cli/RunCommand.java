package dev.amldebug.cli;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.errors.Sentences;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a job in a local Docker container.",
                "Takes an Azure ML v2 command job (.yml), a v1 .runconfig, or a Python script. Prints 'run: <id>',"
                        + " streams the driver log, and exits with the script's exit code. Ctrl-C cancels the run;"
                        + " its logs and outputs are kept."},
        footer = {"", "Examples:",
                "  aml-debug run examples/digits/job.yml",
                "  aml-debug run examples/digits/.azureml/digits.runconfig",
                "  aml-debug run train.py --env env.yml -- --epochs 3",
                "  aml-debug run job.yml --detach && aml-debug runs logs <id> --follow",
                "  aml-debug run examples/digits/job.yml --break train.py:52   debug, stop in the training loop",
                "  aml-debug run job.yml --debug --wait-timeout 60 --on-timeout abort",
                "  aml-debug run examples/pipeline/pipeline.yml --debug-step train --break train.py:20",
                "  aml-debug run examples/pipeline/pipeline.yml --force-rerun",
                "", "A pipeline (type: pipeline) prints a line per step start and end and each step's log, prefixed by"
                        + " the step's name; it exits 0 when the pipeline completed, 1 otherwise.",
                "", "Exit codes: the script's own; 86 when --on-timeout abort found no debugger; 2 for invalid input;"
                        + " 3 when Docker or the image build fails."})
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "JOB", description = "A job YAML, a .runconfig or a .py script.")
    Path job;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the script, after --.")
    List<String> args = new ArrayList<>();

    @Option(names = "--env", paramLabel = "ENV.yml", description = "An Azure ML v2 environment YAML to run in instead.")
    Path environment;

    @Option(names = "--experiment", paramLabel = "NAME", description = "Experiment name (default: from the job).")
    String experiment;

    @Mixin
    BaseImageOption baseImage;

    @Option(names = "--detach", description = "Start the run and return; follow it with 'runs logs --follow'.")
    boolean detach;

    @Mixin
    WorkspaceOption workspace;

    @Mixin
    DebugFlags debugFlags;

    @Option(names = "--debug-step", paramLabel = "NAME",
            description = "Pipelines: run this step under the debugger (repeatable); --break attaches to each in turn.")
    List<String> debugSteps = new ArrayList<>();

    @Option(names = "--force-rerun", description = "Pipelines: run every step, reusing no earlier step's outputs.")
    boolean forceRerun;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        RunService runs = workspace.runs(baseImage.image);
        if (PipelineRequest.isPipeline(job.toAbsolutePath())) {
            return runPipeline(runs, out, err);
        }
        if (!debugSteps.isEmpty() || forceRerun) {
            throw AmlDebugException.badInput("--debug-step and --force-rerun are for pipeline jobs (type: pipeline);"
                    + " " + job + " is not one. Use --debug or --break for a command job.");
        }
        RunRequest request = RunRequest.of(job.toAbsolutePath())
                .withEnvironment(environment == null ? null : environment.toAbsolutePath()).withArguments(args)
                .withExperiment(experiment).withDebug(debugFlags.enabled() ? debugFlags.options() : null).detached(detach);
        SubmittedRun run = runs.submit(request, new ConsoleListener(out, err));
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
            Future<?> debugger = debugFlags.breakpoints.isEmpty() ? null : attachConsole(runs, run.id(), new Object());
            RunRecord ended = run.awaitEnded();
            if (debugger != null) {
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
    private Integer runPipeline(RunService runs, PrintWriter out, PrintWriter err) throws Exception {
        if (detach || environment != null || !args.isEmpty()) {
            throw AmlDebugException.badInput("--detach, --env and script arguments are for command jobs; a pipeline's"
                    + " steps name their own environments and inputs in " + job + ".");
        }
        if (debugFlags.enabled() && debugSteps.isEmpty()) {
            throw AmlDebugException.badInput("Name the pipeline step to debug with --debug-step NAME (repeatable).");
        }
        PipelineRequest request = PipelineRequest.of(job.toAbsolutePath()).withExperiment(experiment)
                .withDebugSteps(debugSteps, debugSteps.isEmpty() ? null : debugFlags.options()).withForceRerun(forceRerun ? Boolean.TRUE : null);
        List<Future<?>> debuggers = new CopyOnWriteArrayList<>();
        Object oneAtATime = new Object();
        PipelineConsole console = new PipelineConsole(out, err, started -> {
            if (started.debugEndpoint() != null && !debugFlags.breakpoints.isEmpty()) {
                debuggers.add(attachConsole(runs, started.runId(), oneAtATime));
            }
        });
        SubmittedRun run = runs.submitPipeline(request, console);
        CountDownLatch finished = new CountDownLatch(1);
        Thread cancelOnInterrupt = new Thread(() -> cancel(runs, run.id(), finished, err));
        Runtime.getRuntime().addShutdownHook(cancelOnInterrupt);
        try {
            RunRecord ended = run.awaitEnded();
            for (Future<?> debugger : debuggers) {
                awaitQuietly(debugger);
            }
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

    /** The console debugger on a run; attachments that share {@code oneAtATime} take the terminal in turn. */
    private Future<?> attachConsole(RunService runs, String runId, Object oneAtATime) {
        return workspace.threads().blocking().submit(() -> {
            synchronized (oneAtATime) {
                attach(runs, runId);
            }
        });
    }

    private void attach(RunService runs, String runId) {
        try {
            ConsoleAttach.debug(runs.debugTarget(runId, true), Path.of(runs.store().read(runId).codeDir),
                    debugFlags.breakpoints, false, debugFlags.trace(), workspace.threads().blocking());
        } catch (Exception e) {
            command.commandLine().getErr().println("aml-debug: the console debugger stopped: " + Sentences.of(e));
        }
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
        err.println("logs:    " + store.dir(ended.id).resolve("logs"));
        err.println("outputs: " + store.outputs(ended.id));
        err.flush();
    }
}

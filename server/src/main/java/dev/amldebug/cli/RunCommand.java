package dev.amldebug.cli;

import dev.amldebug.runner.image.ImageUsage;
import dev.amldebug.runner.run.LocalRun;
import dev.amldebug.runner.run.LocalRunner;
import dev.amldebug.runner.run.RunCanceller;
import dev.amldebug.runner.run.RunContainers;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStatus;
import dev.amldebug.runner.run.RunStore;
import dev.amldebug.runner.run.StartOptions;
import dev.amldebug.runner.spec.RunSpec;
import dev.amldebug.runner.spec.RunSpecLoader;
import dev.amldebug.server.RunTargets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        RunSpec spec = new RunSpecLoader(baseImage.image).load(job, environment, args);
        if (experiment != null) {
            spec = spec.withExperimentName(experiment);
        }
        workspace.reconcile(err);
        LocalRunner runner = new LocalRunner(workspace.docker(), workspace.path(), ImageUsage.inUserCache());
        String runId = runner.queue(spec);
        out.println("run: " + runId);
        out.flush();
        CountDownLatch finished = new CountDownLatch(1);
        Thread cancelOnInterrupt = new Thread(() -> cancel(runner.store(), runId, finished, err));
        Runtime.getRuntime().addShutdownHook(cancelOnInterrupt);
        try {
            LocalRun run = runner.start(runId, spec, startOptions(), new ConsoleListener(out, err));
            if (run.record().debugEndpoint != null) {
                explainDebugEndpoint(run.record(), err);
            }
            if (detach) {
                err.println("Detached. Follow it with: aml-debug runs logs " + runId + " --follow");
                return 0;
            }
            Thread debugger = debugFlags.breakpoints.isEmpty() ? null : attachConsole(runner.store(), runId);
            RunRecord ended = run.await();
            if (debugger != null) {
                debugger.join(TimeUnit.SECONDS.toMillis(30));
                out.println("exit code: " + ended.exitCode);
            }
            summarize(ended, runner.store(), err);
            return ended.status == RunStatus.Completed ? 0 : exitCode(ended);
        } finally {
            finished.countDown();
            removeHook(cancelOnInterrupt);
        }
    }

    private StartOptions startOptions() {
        return debugFlags.enabled() ? new StartOptions(detach, debugFlags.options())
                : detach ? StartOptions.DETACHED : StartOptions.FOREGROUND;
    }

    private static void explainDebugEndpoint(RunRecord record, PrintWriter err) {
        err.println("debugpy: " + record.debugEndpoint + " (code " + record.codeDir + " is /aml/code in the container)");
        err.println("attach:  aml-debug attach " + record.id + "   or any DAP client: host/port " + record.debugEndpoint
                + ", pathMappings " + record.codeDir + " -> /aml/code");
        err.flush();
    }

    private Thread attachConsole(RunStore store, String runId) {
        Thread debugger = new Thread(() -> {
            try {
                ConsoleAttach.debug(new RunTargets(workspace.docker(), store).forRun(runId, true),
                        Path.of(store.read(runId).codeDir), debugFlags.breakpoints, false, debugFlags.trace());
            } catch (Exception e) {
                command.commandLine().getErr().println("aml-debug: the console debugger stopped: " + e.getMessage());
            }
        }, "console-debugger");
        debugger.start();
        return debugger;
    }

    /** On Ctrl-C: stop the container, and give the main thread time to record Canceled and flush the logs. */
    private void cancel(RunStore store, String runId, CountDownLatch finished, PrintWriter err) {
        if (finished.getCount() == 0 || !store.read(runId).isActive() || detach) {
            return;
        }
        err.println("\nCanceling run " + runId + "...");
        err.flush();
        try {
            new RunCanceller(store, new RunContainers(workspace.docker())).cancel(runId);
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

package dev.amldebug.cli;

import dev.amldebug.azure.Job;
import dev.amldebug.azure.JobStatus;
import dev.amldebug.azure.LogSelection;
import dev.amldebug.azure.WorkspaceClient;
import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.debug.DebugOptions;
import dev.amldebug.server.jobs.JobRequest;
import dev.amldebug.server.jobs.JobService;
import dev.amldebug.server.jobs.SubmittedJob;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "submit", mixinStandardHelpOptions = true,
        description = {"Submit a v2 command or pipeline job YAML to a compute of the workspace.",
                "Each code folder is uploaded as a snapshot (minus .amlignore or .gitignore), and only when it "
                        + "changed; local inputs are uploaded; azureml: references and ${{parent...}} bindings are passed "
                        + "as written.",
                "With --debug-step, that pipeline step runs under the debug shim (no edit to your script; the "
                        + "shim travels in a separate snapshot of the step's code), and the console debugger attaches to "
                        + "it as soon as it listens; --debug does the same for a command job. On several nodes or "
                        + "processes (resources: instance_count, distribution: process_count_per_instance), it attaches to "
                        + "each in turn. The compute must be reachable from this machine: the compute's virtual network, a "
                        + "VPN into it, or a compute instance in it."},
        footer = {"",
                "Examples:",
                "  # Submit a job and wait for it",
                "  aml-debug azure submit examples/digits/job.yml --compute cpu-cluster",
                "  # Submit it under another experiment and stream its log",
                "  aml-debug azure submit job.yml --compute gpu-cluster --experiment tuning --stream",
                "  # Debug one step of a pipeline on the compute",
                "  aml-debug azure submit examples/pipeline/pipeline.yml --debug-step train --break "
                        + "src/train/train.py:40",
                "  # Debug a command job on the compute",
                "  aml-debug azure submit job.yml --compute gpu-cluster --debug --break src/train.py:40",
                "",
                "Exit code: 0 when the job (pipeline) completed, or when it was submitted without waiting; 1 "
                        + "otherwise."})
final class AzureSubmitCommand implements Callable<Integer> {
    @Parameters(paramLabel = "JOB_YAML", description = "The command or pipeline job YAML.")
    Path jobFile;

    @Option(names = "--compute", paramLabel = "NAME",
            description = "The compute to run on (default: the YAML's compute, or a pipeline's settings.default_compute).")
    String compute;

    @Option(names = "--experiment", paramLabel = "E", description = "The experiment (default: the YAML's, else the folder's name).")
    String experiment;

    @Option(names = "--stream", description = "Follow the job's log until it ends.")
    boolean stream;

    @Option(names = "--debug-step", paramLabel = "NAME", description = "A pipeline step to run under the debugger (repeatable).")
    List<String> debugSteps = new ArrayList<>();

    @Option(names = "--debug", description = "Run a command job under the debugger, and attach to it (to each of its processes).")
    boolean debug;

    @Option(names = "--connect-back", paramLabel = "HOST:PORT",
            description = {"With --debug: every process dials back to this machine's debug hub at HOST:PORT instead of"
                    + " listening, for nodes that can only dial out. HOST is how the compute reaches this machine (a VPN"
                    + " address, or the far end of a tunnel you provide); the hub listens there when it is this"
                    + " machine's address, else on 127.0.0.1:PORT for the tunnel to deliver to."})
    String connectBack;

    @Option(names = "--wait-timeout", paramLabel = "SECONDS",
            description = "How long a debugged step waits for the debugger (default: " + DebugOptions.DEFAULT_WAIT_SECONDS + ").")
    Integer waitTimeout;

    @Option(names = "--on-timeout", paramLabel = "continue|abort", defaultValue = "continue",
            description = "When no debugger came: run on without one, or fail the step (default: ${DEFAULT-VALUE}).")
    String onTimeout;

    @Option(names = "--install-debugpy",
            description = "pip install debugpy when a debugged step starts (for a registered environment or a bare image).")
    boolean installDebugpy;

    @Option(names = "--no-attach", description = "Submit the debugged steps without attaching; attach later with azure attach.")
    boolean noAttach;

    @Option(names = "--watch-timeout", paramLabel = "SECONDS", defaultValue = "" + JobRequest.WATCH_TIMEOUT_SECONDS,
            description = "How long to wait for a debugged step to start listening (default: ${DEFAULT-VALUE}).")
    int watchTimeout;

    @Mixin
    AzureOption azure;

    @Mixin
    ConsoleDebugOptions console;

    @Mixin
    PostMortemFlags postMortem;

    @Mixin
    ProgressDisplay progressDisplay;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = command.commandLine().getOut();
        WorkspaceClient workspace = azure.workspace();
        ExecutorService executor = azure.threads().blocking();
        JobService jobs = new JobService(workspace, azure.workspaceId(), azure.folder(), executor);
        ConsoleDebuggees console = new ConsoleDebuggees(out, this.console, executor, CliContext.of(command).terminal(),
                progressDisplay.progress().transfers());
        SubmittedJob submitted = jobs.submit(request(), console);
        out.println("job: " + submitted.job().name());
        out.println("studio: " + submitted.studioUrl());
        out.flush();
        console.attachUntil(submitted.watching());
        boolean debugging = debug || postMortem.enabled || !debugSteps.isEmpty();
        if (debugging || (stream && JobRequest.isPipeline(jobFile))) {
            int exit = new JobEnd(workspace, out, connectBack == null ? progressDisplay.spinners() : null,
                    CliContext.of(command).terminal().colourOut()).await(submitted.job().name());
            console.awaitRanks();
            return exit;
        }
        if (stream) {
            workspace.logs().follow(submitted.job().name(), LogSelection.defaults(), true, AzureLogPrinter.to(out, false),
                    () -> Thread.currentThread().isInterrupted());
            Job ended = workspace.jobs().get(submitted.job().name());
            out.println(ended.name() + ": " + ended.status());
            return ended.status() == JobStatus.Completed ? 0 : 1;
        }
        return 0;
    }

    private JobRequest request() {
        if (!onTimeout.equals("continue") && !onTimeout.equals("abort")) {
            throw AmlDebugException.badInput("--on-timeout takes continue or abort, not " + onTimeout + ".");
        }
        return new JobRequest(jobFile, compute, experiment, new LinkedHashSet<>(debugSteps), debug, waitTimeout,
                onTimeout.equals("abort"), postMortem.enabled ? postMortem.timeout() : null, installDebugpy,
                connectBack, !noAttach, Duration.ofSeconds(watchTimeout));
    }
}

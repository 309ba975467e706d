package dev.amldebug.cli;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.server.run.pipeline.PipelineRequest;
import dev.amldebug.server.run.RunRequest;
import dev.amldebug.server.run.RunService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import java.util.Set;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a job in a local Docker container.",
                "Takes an Azure ML v2 command job (.yml), a v1 .runconfig, or a Python script. Prints 'run: "
                        + "<id>', streams the driver log, and exits with the script's exit code. Ctrl-C cancels the run; "
                        + "its logs and outputs are kept.",
                "A pipeline (type: pipeline) prints a line per step start and end and each step's log, prefixed "
                        + "by the step's name; it exits 0 when the pipeline completed, 1 otherwise. --post-mortem holds a "
                        + "failed step for the debugger: every step, or only the --debug-step ones when given."},
        footer = {"",
                "Examples:",
                "  # Run a v2 command job",
                "  aml-debug run examples/digits/job.yml",
                "  # Run a script with the default environment, passing it arguments",
                "  aml-debug run train.py --env env.yml -- --epochs 3",
                "  # Debug: stop in the training loop, no change to the script",
                "  aml-debug run examples/digits/job.yml --break train.py:44",
                "  # Debug one step of a pipeline",
                "  aml-debug run examples/pipeline/pipeline.yml --debug-step train --break train.py:39",
                "  # If it fails, the console debugger shows where, with the locals",
                "  aml-debug run job.yml --post-mortem",
                "  # Start it in the background, then follow its log",
                "  aml-debug run job.yml --detach && aml-debug runs logs RUN --follow",
                "",
                "Exit codes: the script's own; 86 when --on-timeout abort found no debugger; 2 for invalid "
                        + "input; 3 when Docker or the image build fails."})
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "JOB", description = "A job YAML, a .runconfig or a .py script.")
    Path job;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the script, after --.")
    List<String> args = new ArrayList<>();

    @Option(names = "--env", paramLabel = "ENV_YAML", description = "An Azure ML v2 environment YAML to run in instead.")
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

    @Mixin
    ProgressDisplay progressDisplay;

    @Option(names = "--debug-step", paramLabel = "NAME",
            description = "Pipelines: run this step under the debugger (repeatable); --break attaches to each in turn.")
    List<String> debugSteps = new ArrayList<>();

    @Option(names = "--force-rerun", description = "Pipelines: run every step, reusing no earlier step's outputs.")
    boolean forceRerun;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        RunService runs = workspace.runs(baseImage.image);
        if (PipelineRequest.isPipeline(job.toAbsolutePath())) {
            if (detach || environment != null || !args.isEmpty()) {
                throw AmlDebugException.badInput("--detach, --env and script arguments are for command jobs; a pipeline's"
                        + " steps name their own environments and inputs in " + job + ".");
            }
            if (debugFlags.enabled() && debugSteps.isEmpty()) {
                throw AmlDebugException.badInput("Name the pipeline step to debug with --debug-step NAME (repeatable).");
            }
            PipelineRequest request = PipelineRequest.of(job.toAbsolutePath()).withExperiment(experiment)
                    .withDebugSteps(debugSteps, debugSteps.isEmpty() ? null : debugFlags.options())
                    .withForceRerun(forceRerun ? Boolean.TRUE : null);
            if (debugFlags.postMortem.enabled && debugSteps.isEmpty()) {
                request = request.withPostMortem(debugFlags.postMortem.timeout());
            }
            return new ForegroundRun(workspace, debugFlags, false, command, progressDisplay.progress()).runPipeline(runs, request);
        }
        if (!debugSteps.isEmpty() || forceRerun) {
            throw AmlDebugException.badInput("--debug-step and --force-rerun are for pipeline jobs (type: pipeline);"
                    + " " + job + " is not one. Use --debug or --break for a command job.");
        }
        RunRequest request = RunRequest.of(job.toAbsolutePath())
                .withEnvironment(environment == null ? null : environment.toAbsolutePath()).withArguments(args)
                .withExperiment(experiment).withDebug(debugFlags.runOptions()).detached(detach)
                .withDebugRanks(Set.copyOf(debugFlags.debugRanks));
        return new ForegroundRun(workspace, debugFlags, detach, command, progressDisplay.progress()).run(runs, request);
    }
}

package dev.amldebug.cli;

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
        RunService runs = workspace.runs(baseImage.image);
        RunRequest request = RunRequest.of(job.toAbsolutePath())
                .withEnvironment(environment == null ? null : environment.toAbsolutePath()).withArguments(args)
                .withExperiment(experiment).withDebug(debugFlags.enabled() ? debugFlags.options() : null).detached(detach);
        return new ForegroundRun(workspace, debugFlags, detach, command).run(runs, request);
    }
}

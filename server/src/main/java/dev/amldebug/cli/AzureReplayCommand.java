package dev.amldebug.cli;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.server.jobs.ReplayRequest;
import dev.amldebug.server.run.RunRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Run an Azure ML job (or one step of a pipeline job) again on this machine, in Docker.",
                "Its code snapshot, its environment's image and conda file, and its inputs when they are files "
                        + "or folders in the workspace storage are downloaded under the folder's .azureml/replays/ (never "
                        + "into your code), and it runs as `aml-debug run` runs a job, under the debugger with --debug or "
                        + "--break. The local run records which job it replays."},
        footer = {"",
                "Examples:",
                "  # The same command, locally",
                "  aml-debug azure replay JOB",
                "  # One step of a pipeline job, stopping at a line",
                "  aml-debug azure replay PIPELINE_JOB --step train --break train.py:44",
                "  # With an input from outside the workspace storage",
                "  aml-debug azure replay JOB --input data=./sample.csv",
                "",
                "Exit codes: the script's own; 2 for invalid input; 3 when Azure ML, Docker or the image build fails."})
final class AzureReplayCommand implements Callable<Integer> {
    @Parameters(paramLabel = "JOB", description = "The job (for a pipeline, the pipeline job with --step).")
    String job;

    @Option(names = "--step", paramLabel = "NAME", description = "The pipeline step: its step (display) name or its run id.")
    String step;

    @Option(names = "--input", paramLabel = "NAME=PATH", description = "A local file or folder for the job's input NAME (repeatable).")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--env", paramLabel = "ENV_YAML", description = "An Azure ML v2 environment YAML to run in instead of the job's.")
    Path environment;

    @Mixin
    AzureWorkspaceOptions azureWorkspace;

    @Mixin
    WorkspaceOption workspace;

    @Mixin
    DebugFlags debugFlags;

    @Mixin
    ProgressDisplay progressDisplay;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = command.commandLine().getErr();
        RunRequest request = workspace.azure(azureWorkspace).jobs().replay(new ReplayRequest(job, step, localInputs(),
                environment, null), line -> {
                    err.println(line);
                    err.flush();
                });
        return new ForegroundRun(workspace, debugFlags, false, command, progressDisplay.progress()).run(workspace.runs(),
                request.withDebug(debugFlags.runOptions()));
    }

    private Map<String, Path> localInputs() {
        Map<String, Path> paths = new LinkedHashMap<>();
        for (String input : inputs) {
            int equals = input.indexOf('=');
            if (equals <= 0 || equals == input.length() - 1) {
                throw AmlDebugException.badInput("--input takes NAME=PATH, for example --input data=./sample.csv; found '" + input + "'");
            }
            paths.put(input.substring(0, equals), Path.of(input.substring(equals + 1)));
        }
        return paths;
    }
}

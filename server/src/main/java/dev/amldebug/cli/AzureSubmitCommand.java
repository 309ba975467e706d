package dev.amldebug.cli;

import dev.amldebug.azure.Job;
import dev.amldebug.azure.LogSelection;
import dev.amldebug.azure.WorkspaceClient;
import dev.amldebug.server.azure.AzureSubmitter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "submit", mixinStandardHelpOptions = true,
        description = {"Submit a v2 command job YAML to a compute of the workspace. The code folder is uploaded as a",
                "snapshot (minus .amlignore or .gitignore), and only when it changed; local inputs are uploaded;",
                "azureml: references are passed as written."},
        footer = {"", "Examples:", "  aml-debug azure submit examples/digits/job.yml --compute cpu-cluster",
                "  aml-debug azure submit job.yml --compute gpu-cluster --experiment tuning --stream"})
final class AzureSubmitCommand implements Callable<Integer> {
    @Parameters(paramLabel = "JOB.yml", description = "The command job YAML.")
    Path jobFile;

    @Option(names = "--compute", paramLabel = "NAME", description = "The compute to run on (default: the YAML's compute).")
    String compute;

    @Option(names = "--experiment", paramLabel = "E", description = "The experiment (default: the YAML's, else the folder's name).")
    String experiment;

    @Option(names = "--stream", description = "Follow the job's log until it ends.")
    boolean stream;

    @Mixin
    AzureOption azure;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        WorkspaceClient workspace = azure.workspace();
        Job job = new AzureSubmitter(workspace, azure.workspaceId(), line -> {
            out.println(line);
            out.flush();
        }).submit(jobFile, compute, experiment);
        out.println("job: " + job.name());
        out.println("studio: " + workspace.studioUrl(job.name()));
        out.flush();
        if (stream) {
            workspace.logs().follow(job.name(), LogSelection.defaults(), true, AzureLogPrinter.to(out, false),
                    () -> Thread.currentThread().isInterrupted());
            Job ended = workspace.jobs().get(job.name());
            out.println(ended.name() + ": " + ended.status());
            return ended.status() == dev.amldebug.azure.JobStatus.Completed ? 0 : 1;
        }
        return 0;
    }
}

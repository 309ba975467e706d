package dev.amldebug.cli;

import dev.amldebug.azure.Job;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "cancel", mixinStandardHelpOptions = true, description = {"Cancel a job and wait until Azure ML says it is Canceled."},
        footer = {"",
                "Examples:",
                "  # Cancel a job",
                "  aml-debug azure jobs cancel JOB",
                "  # Wait at most 2 minutes for it to be Canceled",
                "  aml-debug azure jobs cancel JOB --timeout 120"})
final class AzureJobsCancelCommand implements Callable<Integer> {
    @Parameters(paramLabel = "JOB", description = "The job's name.")
    String name;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "How long to wait for Canceled (default: ${DEFAULT-VALUE} s).")
    long timeoutSeconds;

    @Mixin
    AzureOption azure;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        var out = command.commandLine().getOut();
        out.println("Canceling " + name + "...");
        out.flush();
        Job job = azure.workspace().jobs().cancel(name, Duration.ofSeconds(timeoutSeconds));
        out.println(job.name() + ": " + job.status());
        return 0;
    }
}

package dev.amldebug.cli;

import dev.amldebug.azure.config.AzureEndpoints;
import dev.amldebug.azure.config.WorkspaceConfig;
import dev.amldebug.errors.AmlDebugException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show who you are signed in as, the Resource Manager endpoint, and the workspace this folder uses."},
        footer = {"",
                "Examples:",
                "  # Who you are, and which workspace",
                "  aml-debug azure status",
                "  # The workspace's name alone, for a script",
                "  aml-debug azure status -o tsv --query workspace.name"})
final class AzureStatusCommand implements Callable<Integer> {
    @Mixin
    AzureOption azure;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        var out = command.commandLine().getOut();
        out.println("Resource Manager: " + AzureEndpoints.fromEnvironment(azure.access().environment()).resourceManager());
        out.println("Workspace:        " + WorkspaceConfig.find(azure.folder()).map(Object::toString)
                .orElse("none (run `aml-debug azure use <workspace id>`)"));
        try {
            out.println("Signed in as:     " + azure.access().signIn());
            return 0;
        } catch (AmlDebugException e) {
            out.println("Signed in as:     nobody (" + e.getMessage() + ")");
            return ErrorReporter.exitCode(e.kind());
        }
    }
}

package dev.amldebug.cli;

import dev.amldebug.azure.config.AzureEndpoints;
import dev.amldebug.errors.AmlDebugException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Who you are signed in as, the Resource Manager endpoint, and the workspace this folder uses.",
        footer = {"", "Example:", "  aml-debug azure status"})
final class AzureStatusCommand implements Callable<Integer> {
    @Mixin
    AzureOption azure;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        var out = command.commandLine().getOut();
        out.println("Resource Manager: " + AzureEndpoints.fromEnvironment(azure.access().environment()).resourceManager());
        out.println("Workspace:        " + workspace());
        try {
            out.println("Signed in as:     " + azure.access().signIn());
            return 0;
        } catch (AmlDebugException e) {
            out.println("Signed in as:     nobody (" + e.getMessage() + ")");
            return ErrorReporter.exitCode(e.kind());
        }
    }

    /** The workspace and where it came from, or why there is none. */
    private String workspace() {
        try {
            var resolved = azure.resolved();
            return resolved.id() + " (" + resolved.sources() + ")";
        } catch (AmlDebugException e) {
            return "none: " + e.getMessage();
        }
    }
}

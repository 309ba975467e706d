package dev.amldebug.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.azure.config.AzureEndpoints;
import dev.amldebug.azure.config.ResolvedWorkspace;
import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.cli.output.OutputOptions;
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

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("resourceManager", AzureEndpoints.fromEnvironment(azure.access().environment()).resourceManager().toString());
        String workspaceLine;
        try {
            ResolvedWorkspace resolved = azure.resolved();
            WorkspaceId id = resolved.id();
            json.putObject("workspace").put("id", id.armId()).put("subscriptionId", id.subscriptionId())
                    .put("resourceGroup", id.resourceGroup()).put("name", id.workspaceName())
                    .put("source", resolved.sources());
            workspaceLine = id + " (" + resolved.sources() + ")";
        } catch (AmlDebugException e) {
            json.putNull("workspace");
            workspaceLine = "none: " + e.getMessage();
        }
        int exitCode = 0;
        try {
            json.put("signedInAs", azure.access().signIn()).putNull("signInError");
        } catch (AmlDebugException e) {
            json.putNull("signedInAs").put("signInError", e.getMessage());
            exitCode = ErrorReporter.exitCode(e.kind());
        }
        String workspace = workspaceLine;
        output.print(json, (out, colour) -> {
            out.println("Resource Manager: " + json.get("resourceManager").asText());
            out.println("Workspace:        " + workspace);
            out.println("Signed in as:     " + (json.get("signedInAs").isNull()
                    ? "nobody (" + json.get("signInError").asText() + ")" : json.get("signedInAs").asText()));
        }, command.commandLine().getOut());
        return exitCode;
    }
}

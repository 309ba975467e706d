package dev.amldebug.cli;

import dev.amldebug.azure.config.WorkspaceFlags;
import picocli.CommandLine.Option;

/** The Azure ML workspace as `az ml` names it on the command line; what is not given comes from elsewhere. */
final class AzureWorkspaceOptions {
    @Option(names = "--workspace-id", paramLabel = "ID",
            description = "The workspace's Resource Manager id, as `aml-debug azure workspaces` lists it (instead of -w, -g"
                    + " and --subscription).")
    String workspaceId;

    @Option(names = {"-w", "--workspace-name"}, paramLabel = "NAME",
            description = "The workspace's name, as in `az ml` (default: the folder's Azure ML config file, then"
                    + " AZUREML_WORKSPACE_NAME, then `az configure --defaults workspace=NAME`).")
    String workspaceName;

    @Option(names = {"-g", "--resource-group"}, paramLabel = "NAME",
            description = "The workspace's resource group (default: the folder's Azure ML config file, then"
                    + " AZURE_RESOURCE_GROUP, then `az configure --defaults group=NAME`).")
    String resourceGroup;

    @Option(names = "--subscription", paramLabel = "ID",
            description = "The workspace's subscription id, or a subscription name the Azure CLI knows (default: the"
                    + " folder's Azure ML config file, then AZURE_SUBSCRIPTION_ID, then az's default subscription).")
    String subscription;

    WorkspaceFlags flags() {
        if (workspaceName != null && (workspaceName.contains("/") || workspaceName.contains("\\"))) {
            throw dev.amldebug.errors.AmlDebugException.badInput("-w is the Azure ML workspace name, as in `az ml`, and '"
                    + workspaceName + "' is a path: give the folder with --folder.");
        }
        return new WorkspaceFlags(workspaceId, subscription, resourceGroup, workspaceName);
    }
}

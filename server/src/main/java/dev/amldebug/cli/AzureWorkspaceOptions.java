package dev.amldebug.cli;

import dev.amldebug.azure.config.WorkspaceFlags;
import picocli.CommandLine.Option;

/** The Azure ML workspace as `az ml` names it on the command line; what is not given comes from elsewhere. */
final class AzureWorkspaceOptions {
    @Option(names = "--workspace-id", paramLabel = "ID",
            description = "The workspace's ARM id: /subscriptions/S/resourceGroups/G/providers/"
                    + "Microsoft.MachineLearningServices/workspaces/W (instead of -w, -g and --subscription).")
    String workspaceId;

    @Option(names = {"-w", "--workspace-name"}, paramLabel = "NAME",
            description = "The workspace's name (default: .azureml/config.json, AZUREML_WORKSPACE_NAME,"
                    + " `az configure --defaults workspace=NAME`).")
    String workspaceName;

    @Option(names = {"-g", "--resource-group"}, paramLabel = "NAME",
            description = "The workspace's resource group (default: .azureml/config.json, AZURE_RESOURCE_GROUP,"
                    + " `az configure --defaults group=NAME`).")
    String resourceGroup;

    @Option(names = "--subscription", paramLabel = "ID",
            description = "The workspace's subscription id, or a subscription name the Azure CLI knows (default:"
                    + " .azureml/config.json, AZURE_SUBSCRIPTION_ID, az's default subscription).")
    String subscription;

    WorkspaceFlags flags() {
        return new WorkspaceFlags(workspaceId, subscription, resourceGroup, workspaceName);
    }
}

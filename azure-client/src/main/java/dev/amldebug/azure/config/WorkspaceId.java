package dev.amldebug.azure.config;

import dev.amldebug.errors.AmlDebugException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An Azure ML workspace, named by its ARM id. */
public record WorkspaceId(String subscriptionId, String resourceGroup, String workspaceName) {
    private static final Pattern ARM_ID = Pattern.compile(
            "/?subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\\.MachineLearningServices/workspaces/([^/]+)/?",
            Pattern.CASE_INSENSITIVE);

    public WorkspaceId {
        if (blank(subscriptionId) || blank(resourceGroup) || blank(workspaceName)) {
            throw AmlDebugException.badInput("A workspace needs a subscription id, a resource group and a workspace name:"
                    + " give them all, or a workspace id such as " + example() + ".");
        }
    }

    public static WorkspaceId parse(String armId) {
        Matcher matcher = ARM_ID.matcher(armId == null ? "" : armId.trim());
        if (!matcher.matches()) {
            throw AmlDebugException.badInput("'" + armId + "' is not an Azure ML workspace id: give one of the form "
                    + example() + " (`aml-debug azure workspaces` lists them).");
        }
        return new WorkspaceId(matcher.group(1), matcher.group(2), matcher.group(3));
    }

    public String armId() {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.MachineLearningServices/workspaces/" + workspaceName;
    }

    @Override
    public String toString() {
        return armId();
    }

    private static String example() {
        return "/subscriptions/S/resourceGroups/G/providers/Microsoft.MachineLearningServices/workspaces/W";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

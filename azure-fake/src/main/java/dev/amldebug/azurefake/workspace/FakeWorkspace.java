package dev.amldebug.azurefake.workspace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.azurefake.jobs.JobStore;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Locale;

/** One workspace the fake knows: its ids, its jobs, its code, environment and component versions and how its data plane is reached. */
public final class FakeWorkspace {
    /** How the workspace's data plane answers from here. */
    public enum PrivateLink {
        /** Reachable. */
        NONE,
        /** The data-plane host refuses connections (a private endpoint's name that does not resolve to us). */
        REFUSED,
        /** The data plane answers 403 with the private-link error. */
        FORBIDDEN
    }

    public final String subscriptionId;
    public final String resourceGroup;
    public final String name;
    public final String workspaceId = UUID.randomUUID().toString();
    public final PrivateLink privateLink;
    public final JobStore jobs;
    public final Map<String, ObjectNode> codeVersions = new ConcurrentHashMap<>();
    public final Map<String, ObjectNode> environmentVersions = new ConcurrentHashMap<>();
    /** Component versions by "name/version", as put (a pipeline's steps reference them by ARM id). */
    public final Map<String, ObjectNode> componentVersions = new ConcurrentHashMap<>();

    public FakeWorkspace(String subscriptionId, String resourceGroup, String name, PrivateLink privateLink) {
        this.subscriptionId = subscriptionId;
        this.resourceGroup = resourceGroup;
        this.name = name;
        this.privateLink = privateLink;
        this.jobs = new JobStore(armId() + "/computes/cpu-cluster");
    }

    public String armId() {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.MachineLearningServices/workspaces/" + name;
    }

    /** The component version a pipeline step's {@code componentId} names (an ARM id in this workspace, azureml: or not). */
    public Optional<ObjectNode> component(String componentId) {
        String id = componentId.startsWith("azureml:") ? componentId.substring("azureml:".length()) : componentId;
        String prefix = armId() + "/components/";
        if (!id.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return Optional.empty();
        }
        String[] parts = id.substring(prefix.length()).split("/");
        if (parts.length != 3 || !parts[1].equals("versions")) {
            return Optional.empty();
        }
        return Optional.ofNullable(componentVersions.get(parts[0] + "/" + parts[2]));
    }

    public String key() {
        return key(subscriptionId, resourceGroup, name);
    }

    public static String key(String subscriptionId, String resourceGroup, String name) {
        return (subscriptionId + "/" + resourceGroup + "/" + name).toLowerCase(Locale.ROOT);
    }
}

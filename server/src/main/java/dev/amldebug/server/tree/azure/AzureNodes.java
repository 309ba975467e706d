package dev.amldebug.server.tree.azure;

import dev.amldebug.azure.Asset;
import dev.amldebug.azure.Compute;
import dev.amldebug.azure.Experiment;
import dev.amldebug.azure.Job;
import dev.amldebug.azure.LogFile;
import dev.amldebug.azure.Subscription;
import dev.amldebug.azure.Workspace;
import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.server.tree.Node;
import dev.amldebug.server.tree.NodeId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The nodes of the Azure ML tree, each made from what the service answered: labels, descriptions, states. */
final class AzureNodes {
    private AzureNodes() {
    }

    /** @param tenant the name of its tenant when more than one is signed in to, else null */
    static Node subscription(Subscription subscription, String tenant) {
        return Node.folder(AzureNodeIds.subscription(subscription.subscriptionId()), subscription.displayName(),
                "subscription").withDescription(tenant == null ? subscription.subscriptionId() : tenant + " · " + subscription.subscriptionId());
    }

    static Node workspace(Workspace workspace) {
        return Node.folder(AzureNodeIds.workspace(WorkspaceId.parse(workspace.id())),
                workspace.name(), "azureWorkspace").withDescription(workspace.location());
    }

    /** A workspace's sections: Experiments, Compute, Environments, Models, Data. */
    static List<Node> sections(NodeId workspace) {
        return List.of(Node.folder(workspace.child("experiments"), "Experiments", "azureExperiments"),
                Node.folder(workspace.child("compute"), "Compute", "azureComputes"),
                Node.folder(workspace.child("environments"), "Environments", "azureEnvironments"),
                Node.folder(workspace.child("models"), "Models", "azureModels"),
                Node.folder(workspace.child("data"), "Data", "azureData"));
    }

    static Node experiment(NodeId experiments, Experiment experiment) {
        return Node.folder(experiments.child(experiment.name()), experiment.name(), "azureExperiment");
    }

    static Node compute(NodeId section, Compute compute) {
        String nodes = compute.currentNodeCount() == null ? "" : " · " + compute.currentNodeCount()
                + (compute.maxNodeCount() == null ? "" : "/" + compute.maxNodeCount()) + " nodes";
        String state = compute.state() == null ? "" : " · " + compute.state();
        return new Node(section.child(compute.name()), compute.name(), compute.computeType() + nodes + state,
                "azureCompute", compute.state() == null ? null : compute.state().toLowerCase(), false, null,
                compute.vmSize(), null, null);
    }

    static Node asset(NodeId section, Asset asset) {
        return new Node(section.child(asset.name()), asset.name(),
                asset.latestVersion() == null ? null : "v" + asset.latestVersion(), "azureAsset", null, false, null,
                asset.description(), null, null);
    }

    static Node job(WorkspaceId workspace, Job job) {
        Duration took = job.duration();
        String description = job.status() + (took == null ? "" : " · " + minutes(took));
        String label = job.displayName() != null && !job.displayName().isBlank() ? job.displayName() : job.name();
        return new Node(AzureNodeIds.job(workspace, job.name()), label, description, "azureJob",
                job.status().name().toLowerCase(), true, null, job.name() + " (" + job.jobType() + ")", job.name(), null);
    }

    /** A job's parts: its Steps when it is a pipeline, its Logs and its Outputs. */
    static List<Node> jobParts(Job job, NodeId jobNode) {
        List<Node> parts = new ArrayList<>();
        if ("Pipeline".equalsIgnoreCase(job.jobType())) {
            parts.add(Node.folder(jobNode.child("steps"), "Steps", "azureSteps").withRunId(job.name()));
        }
        parts.add(Node.folder(jobNode.child("logs"), "Logs", "azureLogs").withRunId(job.name()));
        parts.add(Node.folder(jobNode.child("outputs"), "Outputs", "azureOutputs").withRunId(job.name()));
        return parts;
    }

    static Node log(NodeId jobNode, String job, LogFile log) {
        return new Node(jobNode.child("logs", log.name()), log.name(), null, "azureLog", null, false, null,
                "Open it in an output that follows it live", job, null);
    }

    /** A job's output files, or a message that it has none yet. */
    static List<Node> outputs(NodeId jobNode, String job, List<String> files) {
        if (files.isEmpty()) {
            return List.of(Node.message(jobNode.child("outputs", "none"), "No outputs yet"));
        }
        return files.stream().map(file -> new Node(jobNode.child("outputs", file), file, null, "azureOutput", null,
                false, null, file, job, null)).toList();
    }

    private static String minutes(Duration took) {
        return took.toHours() > 0 ? String.format("%dh%02dm", took.toHours(), took.toMinutesPart())
                : String.format("%dm%02ds", took.toMinutes(), took.toSecondsPart());
    }
}

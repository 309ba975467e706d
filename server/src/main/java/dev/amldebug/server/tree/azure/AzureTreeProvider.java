package dev.amldebug.server.tree.azure;

import dev.amldebug.azure.Asset;
import dev.amldebug.azure.Compute;
import dev.amldebug.azure.Experiment;
import dev.amldebug.azure.Job;
import dev.amldebug.azure.LogFile;
import dev.amldebug.azure.Page;
import dev.amldebug.azure.Subscription;
import dev.amldebug.azure.Workspace;
import dev.amldebug.azure.WorkspaceClient;
import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.server.azure.AzureAccess;
import dev.amldebug.server.tree.Children;
import dev.amldebug.server.tree.Node;
import dev.amldebug.server.tree.NodeId;
import dev.amldebug.server.tree.TreeProvider;
import dev.amldebug.server.tree.TreeRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Azure ML in the cloud: Subscriptions > Workspaces > Experiments > Jobs > Steps, Logs and
 * Outputs, with Compute, Environments, Models and Data beside Experiments. Every list loads
 * when its node opens, a page at a time (a "more" node follows the service's nextLink), and a
 * failure shows as a node that says what to do.
 */
public final class AzureTreeProvider implements TreeProvider {
    /** A failed sign-in is not retried on every expand; the sign-in command retries at once. */
    private static final Duration RETRY_SIGN_IN = Duration.ofSeconds(30);

    private final AzureAccess access;
    private Instant lastFailedSignIn;

    public AzureTreeProvider(AzureAccess access) {
        this.access = access;
    }

    @Override
    public String name() {
        return AzureNodeIds.PROVIDER;
    }

    @Override
    public Node root() {
        return Node.folder(AzureNodeIds.ROOT, "Azure ML", "azureRoot");
    }

    @Override
    public synchronized boolean signedIn() {
        if (access.signedIn()) {
            return true;
        }
        if (lastFailedSignIn != null && Instant.now().isBefore(lastFailedSignIn.plus(RETRY_SIGN_IN))) {
            return false;
        }
        try {
            access.signIn();
            lastFailedSignIn = null;
            return true;
        } catch (AmlDebugException e) {
            lastFailedSignIn = Instant.now();
            return false;
        }
    }

    /** After an explicit sign-in, the next expand asks again at once. */
    public synchronized void signInChanged() {
        lastFailedSignIn = null;
    }

    @Override
    public Node signInNode(NodeId under) {
        return new Node(under.child("sign-in"), "Sign in to Azure", null, "azureSignIn", null, false, null,
                "Signs in with VS Code's Microsoft account, or uses `az login`.", null, null);
    }

    @Override
    public Children children(NodeId id, TreeRequest request) {
        try {
            return load(id, request.page());
        } catch (AmlDebugException e) {
            return Children.all(List.of(Node.message(id.child("error"), e.getMessage())));
        }
    }

    private Children load(NodeId id, String page) {
        if (id.isRoot()) {
            return paged(access.client().subscriptions(page), this::subscription);
        }
        if (!AzureNodeIds.isWorkspaceOrBelow(id)) {
            return paged(access.client().workspaces(id.segment(1), page), this::workspace);
        }
        WorkspaceId workspaceId = AzureNodeIds.workspaceOf(id);
        WorkspaceClient workspace = access.client().workspaceClient(workspaceId);
        NodeId workspaceNode = AzureNodeIds.workspace(workspaceId);
        return switch (AzureNodeIds.section(id)) {
            case "" -> Children.all(sections(workspaceNode));
            case "experiments" -> id.segment(5).isEmpty()
                    ? paged(workspace.experiments().list(page), e -> experiment(id, e))
                    : jobsOfExperiment(workspace, workspaceId, id.segment(5), page);
            case "compute" -> paged(workspace.computes().list(page), c -> compute(id, c));
            case "environments", "models", "data" -> paged(assets(workspace, AzureNodeIds.section(id)).list(page),
                    a -> asset(id, a));
            case "jobs" -> job(workspace, workspaceId, id, page);
            default -> throw AmlDebugException.notFound("No tree node '" + id + "'. Refresh the tree.");
        };
    }

    private static dev.amldebug.azure.Assets assets(WorkspaceClient workspace, String section) {
        return switch (section) {
            case "environments" -> workspace.environments();
            case "models" -> workspace.models();
            default -> workspace.data();
        };
    }

    private static List<Node> sections(NodeId workspace) {
        return List.of(Node.folder(workspace.child("experiments"), "Experiments", "azureExperiments"),
                Node.folder(workspace.child("compute"), "Compute", "azureComputes"),
                Node.folder(workspace.child("environments"), "Environments", "azureEnvironments"),
                Node.folder(workspace.child("models"), "Models", "azureModels"),
                Node.folder(workspace.child("data"), "Data", "azureData"));
    }

    /** One page of the workspace's jobs, those of this experiment; "more" goes on with the next page. */
    private Children jobsOfExperiment(WorkspaceClient workspace, WorkspaceId workspaceId, String experiment,
                                      String page) {
        Page<Job> jobs = workspace.jobs().list(page);
        List<Node> nodes = jobs.items().stream().filter(job -> experiment.equals(job.experimentName())
                && job.parentJobName() == null).map(job -> jobNode(workspaceId, job)).toList();
        return new Children(nodes, jobs.nextLink());
    }

    private Children job(WorkspaceClient workspace, WorkspaceId workspaceId, NodeId id, String page) {
        String name = AzureNodeIds.jobOf(id);
        NodeId jobNode = AzureNodeIds.job(workspaceId, name);
        return switch (AzureNodeIds.jobPart(id)) {
            case "" -> Children.all(jobParts(workspace.jobs().get(name), jobNode));
            case "steps" -> paged(workspace.jobs().children(name, page), step -> jobNode(workspaceId, step));
            case "logs" -> Children.all(workspace.logs().files(name).stream().map(log -> logNode(jobNode, name, log))
                    .toList());
            case "outputs" -> Children.all(outputs(workspace, jobNode, name));
            default -> throw AmlDebugException.notFound("No tree node '" + id + "'. Refresh the tree.");
        };
    }

    private static List<Node> jobParts(Job job, NodeId jobNode) {
        List<Node> parts = new ArrayList<>();
        if ("Pipeline".equalsIgnoreCase(job.jobType())) {
            parts.add(Node.folder(jobNode.child("steps"), "Steps", "azureSteps").withRunId(job.name()));
        }
        parts.add(Node.folder(jobNode.child("logs"), "Logs", "azureLogs").withRunId(job.name()));
        parts.add(Node.folder(jobNode.child("outputs"), "Outputs", "azureOutputs").withRunId(job.name()));
        return parts;
    }

    private static List<Node> outputs(WorkspaceClient workspace, NodeId jobNode, String name) {
        List<String> files = workspace.downloads().outputFiles(name);
        if (files.isEmpty()) {
            return List.of(Node.message(jobNode.child("outputs", "none"), "No outputs yet"));
        }
        return files.stream().map(file -> new Node(jobNode.child("outputs", file), file, null, "azureOutput", null,
                false, null, file, name, null)).toList();
    }

    private Node subscription(Subscription subscription) {
        return Node.folder(AzureNodeIds.subscription(subscription.subscriptionId()), subscription.displayName(),
                "subscription").withDescription(subscription.subscriptionId());
    }

    private Node workspace(Workspace workspace) {
        return Node.folder(AzureNodeIds.workspace(dev.amldebug.azure.config.WorkspaceId.parse(workspace.id())),
                workspace.name(), "azureWorkspace").withDescription(workspace.location());
    }

    private static Node experiment(NodeId experiments, Experiment experiment) {
        return Node.folder(experiments.child(experiment.name()), experiment.name(), "azureExperiment");
    }

    private static Node compute(NodeId section, Compute compute) {
        String nodes = compute.currentNodeCount() == null ? "" : " · " + compute.currentNodeCount()
                + (compute.maxNodeCount() == null ? "" : "/" + compute.maxNodeCount()) + " nodes";
        String state = compute.state() == null ? "" : " · " + compute.state();
        return new Node(section.child(compute.name()), compute.name(), compute.computeType() + nodes + state,
                "azureCompute", compute.state() == null ? null : compute.state().toLowerCase(), false, null,
                compute.vmSize(), null, null);
    }

    private static Node asset(NodeId section, Asset asset) {
        return new Node(section.child(asset.name()), asset.name(),
                asset.latestVersion() == null ? null : "v" + asset.latestVersion(), "azureAsset", null, false, null,
                asset.description(), null, null);
    }

    static Node jobNode(WorkspaceId workspace, Job job) {
        Duration took = job.duration();
        String description = job.status() + (took == null ? "" : " · " + minutes(took));
        String label = job.displayName() != null && !job.displayName().isBlank() ? job.displayName() : job.name();
        return new Node(AzureNodeIds.job(workspace, job.name()), label, description, "azureJob",
                job.status().name().toLowerCase(), true, null, job.name() + " (" + job.jobType() + ")", job.name(), null);
    }

    private static Node logNode(NodeId jobNode, String job, LogFile log) {
        return new Node(jobNode.child("logs", log.name()), log.name(), null, "azureLog", null, false, null,
                "Open it in an output that follows it live", job, null);
    }

    private static String minutes(Duration took) {
        return took.toHours() > 0 ? String.format("%dh%02dm", took.toHours(), took.toMinutesPart())
                : String.format("%dm%02ds", took.toMinutes(), took.toSecondsPart());
    }

    private static <T> Children paged(Page<T> page, Function<T, Node> node) {
        return new Children(page.items().stream().map(node).toList(), page.nextLink());
    }
}

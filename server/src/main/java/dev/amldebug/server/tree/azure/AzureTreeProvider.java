package dev.amldebug.server.tree.azure;

import dev.amldebug.azure.Assets;
import dev.amldebug.azure.Job;
import dev.amldebug.azure.Page;
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
import java.util.List;
import java.util.Optional;
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
        Optional<WorkspaceId> preferred = access.defaultWorkspace();
        if (id.isRoot()) {
            return DefaultFirst.subscriptions(access.subscriptions(page), preferred);
        }
        if (!AzureNodeIds.isWorkspaceOrBelow(id)) {
            return DefaultFirst.workspaces(access.client(id.segment(1)).workspaces(id.segment(1), page), preferred);
        }
        WorkspaceId workspaceId = AzureNodeIds.workspaceOf(id);
        WorkspaceClient workspace = access.workspaceClient(workspaceId);
        NodeId workspaceNode = AzureNodeIds.workspace(workspaceId);
        return switch (AzureNodeIds.section(id)) {
            case "" -> Children.all(AzureNodes.sections(workspaceNode));
            case "experiments" -> id.segment(5).isEmpty()
                    ? paged(workspace.experiments().list(page), e -> AzureNodes.experiment(id, e))
                    : jobsOfExperiment(workspace, workspaceId, id.segment(5), page);
            case "compute" -> paged(workspace.computes().list(page), c -> AzureNodes.compute(id, c));
            case "environments", "models", "data" -> paged(assets(workspace, AzureNodeIds.section(id)).list(page),
                    a -> AzureNodes.asset(id, a));
            case "jobs" -> job(workspace, workspaceId, id, page);
            default -> throw AmlDebugException.notFound("No tree node '" + id + "'. Refresh the tree.");
        };
    }

    private static Assets assets(WorkspaceClient workspace, String section) {
        return switch (section) {
            case "environments" -> workspace.environments();
            case "models" -> workspace.models();
            default -> workspace.data();
        };
    }

    /** One page of the workspace's jobs, those of this experiment; "more" goes on with the next page. */
    private Children jobsOfExperiment(WorkspaceClient workspace, WorkspaceId workspaceId, String experiment,
                                      String page) {
        Page<Job> jobs = workspace.jobs().list(page);
        List<Node> nodes = jobs.items().stream().filter(job -> experiment.equals(job.experimentName())
                && job.parentJobName() == null).map(job -> AzureNodes.job(workspaceId, job)).toList();
        return new Children(nodes, jobs.nextLink());
    }

    private Children job(WorkspaceClient workspace, WorkspaceId workspaceId, NodeId id, String page) {
        String name = AzureNodeIds.jobOf(id);
        NodeId jobNode = AzureNodeIds.job(workspaceId, name);
        return switch (AzureNodeIds.jobPart(id)) {
            case "" -> Children.all(AzureNodes.jobParts(workspace.jobs().get(name), jobNode));
            case "steps" -> paged(workspace.jobs().children(name, page), step -> AzureNodes.job(workspaceId, step));
            case "logs" -> Children.all(workspace.logs().files(name).stream()
                    .map(log -> AzureNodes.log(jobNode, name, log)).toList());
            case "outputs" -> Children.all(AzureNodes.outputs(jobNode, name, workspace.downloads().outputFiles(name)));
            default -> throw AmlDebugException.notFound("No tree node '" + id + "'. Refresh the tree.");
        };
    }

    private static <T> Children paged(Page<T> page, Function<T, Node> node) {
        return new Children(page.items().stream().map(node).toList(), page.nextLink());
    }
}

package dev.amldebug.server.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.amldebug.azurefake.FakeAzureMlExtension;
import dev.amldebug.server.lsp.Protocol.TreeChildrenParams;
import dev.amldebug.server.lsp.Protocol.TreeNode;
import dev.amldebug.server.testing.FakeAzure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Azure ML provider of the tree, and the azureml.azure.* commands, over real LSP against the fake service. */
class AzureTreeIT {
    @RegisterExtension
    static final FakeAzureMlExtension AZURE = FakeAzure.withJobs(12, 5);

    @RegisterExtension
    final LanguageServerExtension lsp = LanguageServerExtension.signedInTo(AZURE);

    private TreeNode child(String parentId, String label) throws Exception {
        List<TreeNode> children = lsp.session().children(parentId);
        return children.stream().filter(node -> node.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + label + "' under " + parentId + " in "
                        + children.stream().map(TreeNode::label).collect(Collectors.toList())));
    }

    @Test
    void subscriptionsWorkspacesExperimentsJobsAndLogsOpenLazilyAndFollowLive() throws Exception {
        assertThat(lsp.session().children(null)).extracting(TreeNode::label).contains("Local workspace", "Azure ML");
        TreeNode subscription = lsp.session().children("azure").get(0);
        assertThat(subscription.contextValue()).isEqualTo("azureml.subscription");
        TreeNode ws = child(subscription.id(), AZURE.fake().options().workspace());
        assertThat(lsp.session().children(ws.id())).extracting(TreeNode::label)
                .containsExactly("Experiments", "Compute", "Environments", "Models", "Data");
        assertThat(lsp.session().children(child(ws.id(), "Compute").id())).isNotEmpty()
                .allMatch(node -> node.contextValue().startsWith("azureml.azureCompute"));

        TreeNode experiment = child(child(ws.id(), "Experiments").id(), "experiment-0");
        List<TreeNode> jobs = lsp.session().children(experiment.id());
        TreeNode running = jobs.stream().filter(node -> "job-0000".equals(node.runId())).findFirst().orElseThrow();
        assertThat(running.contextValue()).isEqualTo("azureml.azureJob.running");
        assertThat(jobs).anyMatch(node -> "more".equals(node.kind()));

        AZURE.fake().appendLog("job-0000", "user_logs/std_log.txt", "step 1\n".getBytes(StandardCharsets.UTF_8));
        TreeNode log = child(child(running.id(), "Logs").id(), "user_logs/std_log.txt");
        @SuppressWarnings("unchecked")
        Map<String, Object> stream = (Map<String, Object>) lsp.session().command("azureml.azure.followLog",
                Map.of("nodeId", log.id())).get(30, TimeUnit.SECONDS);
        AZURE.fake().appendLog("job-0000", "user_logs/std_log.txt", "step 2\n".getBytes(StandardCharsets.UTF_8));
        AZURE.fake().setJobStatus("job-0000", "Completed");

        await().atMost(Duration.ofSeconds(60)).until(() -> lsp.session().client.azureLogs.stream()
                .anyMatch(params -> params.streamId().equals(stream.get("streamId")) && params.ended()));
        String text = lsp.session().client.azureLogs.stream().filter(params -> params.streamId().equals(stream.get("streamId")))
                .map(Protocol.AzureLogParams::text).collect(Collectors.joining());
        assertThat(text).isEqualTo("step 1\nstep 2\n");
    }

    @Test
    void aPageOfJobsLoadsMoreThroughTheNextLink() throws Exception {
        TreeNode ws = child(lsp.session().children("azure").get(0).id(), AZURE.fake().options().workspace());
        TreeNode experiment = child(child(ws.id(), "Experiments").id(), "experiment-1");
        List<TreeNode> first = lsp.session().children(experiment.id());
        TreeNode more = first.stream().filter(node -> "more".equals(node.kind())).findFirst().orElseThrow();
        List<TreeNode> next = lsp.session().server.treeChildren(new TreeChildrenParams(more.pageOf(), more.page()))
                .get(30, TimeUnit.SECONDS);
        assertThat(next).isNotEmpty();
        assertThat(next).extracting(TreeNode::id).doesNotContainAnyElementsOf(first.stream().map(TreeNode::id).toList());
    }

    @Test
    void cancelAndStudioWorkOnAJobNode() throws Exception {
        AZURE.fake().setJobStatus("job-0004", "Running");
        String jobNode = "azure/s/" + AZURE.fake().options().subscriptionId() + "/" + AZURE.fake().options().resourceGroup() + "/"
                + AZURE.fake().options().workspace() + "/jobs/job-0004";
        @SuppressWarnings("unchecked")
        Map<String, Object> studio = (Map<String, Object>) lsp.session().command("azureml.azure.studioUrl",
                Map.of("nodeId", jobNode)).get(30, TimeUnit.SECONDS);
        assertThat((String) studio.get("url")).startsWith("https://");

        @SuppressWarnings("unchecked")
        Map<String, Object> canceled = (Map<String, Object>) lsp.session().command("azureml.azure.cancelJob",
                Map.of("nodeId", jobNode)).get(60, TimeUnit.SECONDS);
        assertThat(canceled.get("status")).isEqualTo("Canceled");
    }

    @Test
    void signedOutTheProviderShowsASignInNodeAndSignInUsesTheEditorsToken() throws Exception {
        FakeAzure.whileSignedOut(AZURE.fake(), () -> {
            List<TreeNode> signedOut = lsp.session().children("azure");
            assertThat(signedOut).singleElement().satisfies(node -> {
                assertThat(node.label()).isEqualTo("Sign in to Azure");
                assertThat(node.contextValue()).isEqualTo("azureml.azureSignIn");
            });
            @SuppressWarnings("unchecked")
            Map<String, Object> signedIn = (Map<String, Object>) lsp.session().command("azureml.azure.signIn",
                    Map.of("token", AZURE.fake().token())).get(30, TimeUnit.SECONDS);
            assertThat((String) signedIn.get("account")).isNotBlank().doesNotContain(AZURE.fake().token());
            assertThat(lsp.session().children("azure")).first().extracting(TreeNode::contextValue)
                    .isEqualTo("azureml.subscription");
            assertThat(lsp.session().client.treeChanges).anyMatch(change -> "azure".equals(change.nodeId()));
        });
    }
}

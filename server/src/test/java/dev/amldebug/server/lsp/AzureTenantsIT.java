package dev.amldebug.server.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.azurefake.FakeAzureMl;
import dev.amldebug.azurefake.FakeAzureMlExtension;
import dev.amldebug.azurefake.FakeToken;
import dev.amldebug.server.lsp.Protocol.TreeNode;
import dev.amldebug.server.testing.FakeAzure;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * VS Code's sign-in, a token per tenant, over real LSP against the fake service, which binds each token to its tenant: the
 * subscriptions of both tenants, each reached with its own token; the editor's default workspace first; no token in the trace.
 */
class AzureTenantsIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final FakeAzureMlExtension AZURE = FakeAzure.withJobs(2, 5);

    @TempDir
    Path workspace;
    private Path trace;
    private PrintWriter traceWriter;
    private LspSession session;

    @BeforeEach
    void start() throws Exception {
        trace = workspace.resolve("lsp-trace.log");
        traceWriter = new PrintWriter(Files.newBufferedWriter(trace), true);
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.putAll(FakeAzure.environment(fake(), workspace.resolve("home")));
        session = new LspSession(environment, traceWriter);
        session.initialize(workspace);
    }

    @AfterEach
    void stop() throws Exception {
        session.close();
        traceWriter.close();
    }

    private static FakeAzureMl fake() {
        return AZURE.fake();
    }

    private Map<String, Object> signIn(List<Map<String, String>> tokens) throws Exception {
        return session.commandResult("azureml.azure.signIn", Map.of("tokens", tokens), WAIT);
    }

    private static Map<String, String> home() {
        return Map.of("tenantId", FakeToken.TENANT_ID, "token", fake().token(), "tenantName", "Contoso");
    }

    private static Map<String, String> guest() {
        return Map.of("tenantId", FakeToken.GUEST_TENANT_ID, "token", fake().guestToken(), "tenantName", "Fabrikam");
    }

    @Test
    void listsTheSubscriptionsOfEveryTenantEachReachedWithItsOwnToken() throws Exception {
        FakeAzure.whileSignedOut(fake(), () -> {
            @SuppressWarnings("unchecked")
            List<Map<String, String>> tenants = (List<Map<String, String>>) session.commandResult("azureml.azure.tenants",
                    Map.of("token", fake().token()), WAIT).get("tenants");
            assertThat(tenants).extracting(t -> t.get("tenantId")).containsExactly(FakeToken.TENANT_ID, FakeToken.GUEST_TENANT_ID);

            assertThat((String) signIn(List.of(home(), guest())).get("account")).isEqualTo(FakeToken.UPN);
            List<TreeNode> subscriptions = session.children("azure");
            assertThat(subscriptions).extracting(TreeNode::description).containsExactlyInAnyOrder(
                    "Contoso · " + fake().options().subscriptionId(), "Fabrikam · " + fake().guestSubscriptionId());
            TreeNode guestWorkspace = session.children("azure/s/" + fake().guestSubscriptionId()).get(0);
            assertThat(guestWorkspace.label()).isEqualTo("guest-ws");
            assertThat(session.children(guestWorkspace.id() + "/compute")).isNotEmpty()
                    .allMatch(node -> node.contextValue().startsWith("azureml.azureCompute"));
            assertThat(session.children("azure/s/" + fake().options().subscriptionId()))
                    .extracting(TreeNode::label).contains(fake().options().workspace());
        });
    }

    @Test
    void aSubscriptionOfATenantNotSignedInToSaysWhichTenantToSignInTo() throws Exception {
        FakeAzure.whileSignedOut(fake(), () -> {
            signIn(List.of(home()));
            List<TreeNode> children = session.children("azure/s/" + fake().guestSubscriptionId());
            assertThat(children).singleElement().satisfies(node -> {
                assertThat(node.contextValue()).isEqualTo("azureml.message");
                assertThat(node.label()).isEqualTo("Your Azure sign-in is for another tenant than this subscription's (tenant "
                        + FakeToken.GUEST_TENANT_ID + "): sign in to that tenant (in VS Code, Azure ML: Sign in to Azure) or run"
                        + " `az login --tenant " + FakeToken.GUEST_TENANT_ID + "`, then try again.");
            });
        });
    }

    @Test
    void theDefaultWorkspaceComesFirstMarkedAndIsSubmitsWorkspace() throws Exception {
        FakeAzure.whileSignedOut(fake(), () -> {
            signIn(List.of(home(), guest()));
            String guestWs = "/subscriptions/" + fake().guestSubscriptionId()
                    + "/resourceGroups/guest-rg/providers/Microsoft.MachineLearningServices/workspaces/guest-ws";
            session.commandResult("azureml.azure.defaultWorkspace", Map.of("workspaceId", guestWs), WAIT);

            assertThat(session.children("azure").get(0).id()).isEqualTo("azure/s/" + fake().guestSubscriptionId());
            TreeNode first = session.children("azure/s/" + fake().guestSubscriptionId()).get(0);
            assertThat(first.label()).isEqualTo("guest-ws");
            assertThat(first.description()).startsWith("(default)");
            Map<String, Object> targets = session.commandResult("azureml.azure.computeTargets", Map.of(), WAIT);
            assertThat(targets.get("workspace")).isEqualTo("guest-ws");
            assertThat(targets.get("isDefault")).isEqualTo(true);
        });
    }

    @Test
    void theLspTraceNamesTheCommandsButHoldsNoToken() throws Exception {
        FakeAzure.whileSignedOut(fake(), () -> {
            session.commandResult("azureml.azure.tenants", Map.of("token", fake().token()), WAIT);
            signIn(List.of(home(), guest()));
        });
        traceWriter.flush();
        String text = Files.readString(trace);
        assertThat(text).contains("azureml.azure.signIn", "azureml.azure.tenants", FakeToken.GUEST_TENANT_ID, "REDACTED")
                .doesNotContain(fake().token()).doesNotContain(fake().guestToken());
    }
}

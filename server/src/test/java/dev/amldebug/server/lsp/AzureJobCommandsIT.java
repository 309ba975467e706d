package dev.amldebug.server.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.amldebug.azurefake.FakeAzureMlExtension;
import dev.amldebug.server.lsp.Protocol.DebugAdapterEndpoint;
import dev.amldebug.server.lsp.Protocol.DebugAdapterEndpointParams;
import dev.amldebug.server.testing.FakeAzure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "Attach debugger" and "Add launch configuration" on an Azure ML job node, over real LSP against the fake service
 * (no Docker): the guide's `ip_address:` line in the job's log becomes a debugReady for a server-side target and a
 * launch configuration; the address policy and an ended job give their sentences.
 */
class AzureJobCommandsIT {
    @RegisterExtension
    static final FakeAzureMlExtension AZURE = FakeAzure.withJobs(12);

    @RegisterExtension
    final LanguageServerExtension lsp = LanguageServerExtension.signedInTo(AZURE);

    private String jobNode(String job) {
        return "azure/s/" + AZURE.fake().options().subscriptionId() + "/" + AZURE.fake().options().resourceGroup() + "/"
                + AZURE.fake().options().workspace() + "/jobs/" + job;
    }

    private void running(String job, String address) {
        AZURE.fake().setJobStatus(job, "Running");
        AZURE.fake().appendLog(job, "user_logs/std_log.txt", ("Timeout for debug connection: 300\nip_address: " + address + "\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> command(String id, Map<String, Object> arguments) throws Exception {
        return (Map<String, Object>) lsp.session().command(id, arguments).get(60, TimeUnit.SECONDS);
    }

    private ResponseErrorException error(String id, Map<String, Object> arguments) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> lsp.session().command(id, arguments).get(60, TimeUnit.SECONDS));
        assertThat(e.getCause()).isInstanceOf(ResponseErrorException.class);
        return (ResponseErrorException) e.getCause();
    }

    @Test
    void attachJobFindsTheAddressAndTellsTheEditorToAttachThroughItsOwnTarget() throws Exception {
        running("job-0001", "10.0.0.4");

        Map<String, Object> attached = command("azureml.azure.attachJob", Map.of("nodeId", jobNode("job-0001"), "timeout", 30));

        assertThat(attached).containsEntry("host", "10.0.0.4").containsEntry("runId", "azure:job-0001")
                .containsEntry("job", "job-0001");
        assertThat(((Number) attached.get("port")).intValue()).isEqualTo(5678);
        assertThat(lsp.session().client.debugReady).anySatisfy(ready -> {
            assertThat(ready.runId()).isEqualTo("azure:job-0001");
            assertThat(ready.endpoint()).isEqualTo("10.0.0.4:5678");
            assertThat(ready.azureJob()).isEqualTo("job-0001");
        });
        DebugAdapterEndpoint endpoint = lsp.session().server.debugAdapterEndpoint(new DebugAdapterEndpointParams("azure:job-0001"))
                .get(30, TimeUnit.SECONDS);
        assertThat(endpoint.transport()).isEqualTo("pipe");
    }

    @Test
    void aPublicAddressIsRefusedUnlessAllowedAndAnEndedJobIsToBeReplayed() throws Exception {
        running("job-0002", "20.42.0.7");
        assertThat(error("azureml.azure.attachJob", Map.of("nodeId", jobNode("job-0002"), "timeout", 30)).getMessage())
                .contains("public address");
        assertThat(command("azureml.azure.attachJob", Map.of("nodeId", jobNode("job-0002"), "timeout", 30,
                "allowPublic", true))).containsEntry("host", "20.42.0.7");

        AZURE.fake().setJobStatus("job-0002", "Completed");
        assertThat(error("azureml.azure.attachJob", Map.of("nodeId", jobNode("job-0002"))).getMessage())
                .contains("has ended (Completed)").contains("aml-debug azure replay job-0002");
    }

    @Test
    void noAddressWithinTheTimeoutSaysWhatTheScriptMustDo() {
        AZURE.fake().setJobStatus("job-0003", "Running");
        assertThat(error("azureml.azure.attachJob", Map.of("nodeId", jobNode("job-0003"), "timeout", 2)).getMessage())
                .contains("No `ip_address:` line").contains("within 2 s");
    }

    @Test
    void addAttachConfigurationWritesTheGuidesAttachWithTheAddressFilledIn() throws Exception {
        running("job-0004", "10.0.0.5");

        Map<String, Object> result = command("azureml.azure.addAttachConfiguration", Map.of("nodeId", jobNode("job-0004"),
                "port", 5679, "localRoot", "${workspaceFolder}/src", "timeout", 30));

        assertThat(result).containsEntry("applied", true).containsEntry("host", "10.0.0.5");
        String launch = Files.readString(lsp.workspace().resolve(".vscode/launch.json"));
        assertThat(launch).contains("\"type\": \"debugpy\"", "\"request\": \"attach\"", "\"connect\"", "\"host\": \"10.0.0.5\"",
                "\"port\": 5679", "\"localRoot\": \"${workspaceFolder}/src\"", "\"remoteRoot\": \".\"");
        assertThat((String) result.get("uri")).endsWith(".vscode/launch.json");
    }
}

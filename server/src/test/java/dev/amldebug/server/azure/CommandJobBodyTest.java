package dev.amldebug.server.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.amldebug.azure.config.WorkspaceId;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The YAML to REST translation alone; the fake service checks the bodies against the schema in AzureCliIT. */
class CommandJobBodyTest {
    private static final WorkspaceId WORKSPACE = new WorkspaceId("sub", "group", "ws");

    @TempDir
    Path folder;

    private final List<String> uploaded = new ArrayList<>();
    private final CommandJobBody.Uploads uploads = new CommandJobBody.Uploads() {
        @Override
        public String code(Path codeFolder) {
            uploaded.add("code " + folder.relativize(codeFolder));
            return WORKSPACE.armId() + "/codes/aml-debug-code/versions/abc";
        }

        @Override
        public URI input(Path path) {
            uploaded.add("input " + folder.relativize(path));
            return URI.create("https://store.blob.core.windows.net/c/" + path.getFileName());
        }

        @Override
        public String environment(String image, String condaFileText) {
            uploaded.add("environment " + image + (condaFileText == null ? "" : " with conda"));
            return WORKSPACE.armId() + "/environments/CliV2AnonymousEnvironment/versions/123";
        }

        @Override
        public String component(String version, com.fasterxml.jackson.databind.node.ObjectNode body) {
            throw new AssertionError("a command job registers no component");
        }
    };

    @BeforeEach
    void code() throws IOException {
        Files.createDirectories(folder.resolve("src"));
        Files.writeString(folder.resolve("src/train.py"), "print(1)\n");
        Files.createDirectories(folder.resolve("data"));
        Files.writeString(folder.resolve("env.yml"), "dependencies: [python=3.10]\n");
    }

    private JsonNode build(String yaml, String compute) throws IOException {
        Path job = folder.resolve("job.yml");
        Files.writeString(job, yaml);
        return new CommandJobBody(job, uploads).build(WORKSPACE, compute, null).body().get("properties");
    }

    @Test
    void aFullCommandJobBecomesTheRestShape() throws IOException {
        JsonNode job = build("""
                code: src
                command: python train.py --data ${{inputs.data}} --lr ${{inputs.lr}}
                experiment_name: digits
                display_name: try 1
                environment:
                  image: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04
                  conda_file: env.yml
                inputs:
                  data: {type: uri_folder, path: data, mode: ro_mount}
                  remote: {type: uri_file, path: azureml:iris:1}
                  lr: 0.1
                outputs:
                  model: {type: uri_folder, mode: rw_mount}
                environment_variables: {A: "1"}
                distribution: {type: pytorch, process_count_per_instance: 2}
                resources: {instance_count: 3}
                limits: {timeout: 3600}
                services:
                  lab: {type: jupyter_lab}
                """, "cpu-cluster");

        assertThat(job.get("jobType").asText()).isEqualTo("Command");
        assertThat(job.get("experimentName").asText()).isEqualTo("digits");
        assertThat(job.get("displayName").asText()).isEqualTo("try 1");
        assertThat(job.get("command").asText()).contains("${{inputs.data}}");
        assertThat(job.get("codeId").asText()).endsWith("/codes/aml-debug-code/versions/abc");
        assertThat(job.get("environmentId").asText()).contains("CliV2AnonymousEnvironment");
        assertThat(job.get("computeId").asText()).isEqualTo(WORKSPACE.armId() + "/computes/cpu-cluster");
        assertThat(job.at("/inputs/data/jobInputType").asText()).isEqualTo("uri_folder");
        assertThat(job.at("/inputs/data/mode").asText()).isEqualTo("ReadOnlyMount");
        assertThat(job.at("/inputs/data/uri").asText()).startsWith("https://store.blob.core.windows.net/");
        assertThat(job.at("/inputs/remote/uri").asText()).isEqualTo("azureml:iris:1");
        assertThat(job.at("/inputs/lr/jobInputType").asText()).isEqualTo("literal");
        assertThat(job.at("/inputs/lr/value").asText()).isEqualTo("0.1");
        assertThat(job.at("/outputs/model/mode").asText()).isEqualTo("ReadWriteMount");
        assertThat(job.at("/environmentVariables/A").asText()).isEqualTo("1");
        assertThat(job.at("/distribution/distributionType").asText()).isEqualTo("PyTorch");
        assertThat(job.at("/distribution/processCountPerInstance").asInt()).isEqualTo(2);
        assertThat(job.at("/resources/instanceCount").asInt()).isEqualTo(3);
        assertThat(job.at("/limits/timeout").asText()).isEqualTo("PT3600S");
        assertThat(job.at("/services/lab/jobServiceType").asText()).isEqualTo("JupyterLab");
        assertThat(uploaded).containsExactly("code src", "environment mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04 with conda",
                "input data");
    }

    @Test
    void registeredEnvironmentsAndTheYamlsComputeArePassedAsWritten() throws IOException {
        JsonNode job = build("""
                command: echo hi
                compute: azureml:gpu
                environment: azureml:AzureML-sklearn-1.5@latest
                """, null);

        assertThat(job.get("environmentId").asText()).isEqualTo("azureml:AzureML-sklearn-1.5@latest");
        assertThat(job.get("computeId").asText()).endsWith("/computes/gpu");
        assertThat(job.has("codeId")).isFalse();
        assertThat(uploaded).isEmpty();
    }

    @Test
    void badInputPointsAtTheLine() {
        assertThatThrownBy(() -> build("command: echo\nenvironment:\n  build: {path: .}\n", "c"))
                .hasMessageContaining("job.yml:3:").hasMessageContaining("azureml:NAME:VERSION");
        assertThatThrownBy(() -> build("command: echo\nenvironment: azureml:e:1\n", null))
                .hasMessageContaining("--compute");
        assertThatThrownBy(() -> build("command: echo\nenvironment: azureml:e:1\ninputs:\n  d: {path: nowhere}\n", "c"))
                .hasMessageContaining("job.yml:4:").hasMessageContaining("does not exist");
        assertThatThrownBy(() -> build("type: pipeline\njobs: {}\n", "c")).hasMessageContaining("command job");
    }
}

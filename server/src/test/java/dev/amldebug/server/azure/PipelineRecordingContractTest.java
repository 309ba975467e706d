package dev.amldebug.server.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.azure.config.WorkspaceId;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our pipeline submission against the Azure ML SDK's recorded traffic (azure-fake's resources azurefake/recorded, copied from shared/fixtures/azure-ml-recorded; see its
 * SOURCE.md): the anonymous component PUT and the pipeline job PUT, compared field by field. Order and optional fields
 * may differ; every field the SDK sends must be there, discriminators must be equal and ids of the same format.
 */
class PipelineRecordingContractTest {
    private static final String CHILD_RUN = "test_pipeline_job.pyTestPipelineJobLongRunningtest_pipeline_job_get_child_run.json";
    private static final String DSL = "test_dsl_pipeline.pyTestDSLPipelinetest_command_function.json";
    private static final WorkspaceId WORKSPACE = new WorkspaceId("00000000-0000-0000-0000-000000000", "00000", "00000");
    private static final String ARM = "/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.MachineLearningServices/workspaces/[^/]+";
    private static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    /** Fields whose values name a kind of thing: they must be equal, not just present. */
    private static final Set<String> DISCRIMINATORS = Set.of("jobType", "type", "job_input_type", "jobInputType",
            "jobOutputType", "distribution_type", "name", "_source", "isAnonymous", "is_deterministic", "version");
    /** What the recorded YAML happened to set and ours does not: descriptions, tags, display names. */
    private static final Set<String> OPTIONAL = Set.of("description", "tags", "properties", "displayName", "isArchived",
            "display_name", "environment_variables");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private final Map<String, ObjectNode> components = new LinkedHashMap<>();
    private final CommandJobBody.Uploads uploads = new CommandJobBody.Uploads() {
        @Override
        public String code(Path codeFolder) {
            return WORKSPACE.armId() + "/codes/c5e725e4-390c-4ed9-8afd-37e3b074f122/versions/1";
        }

        @Override
        public URI input(Path path) {
            return URI.create("https://store.blob.core.windows.net/c/" + path.getFileName());
        }

        @Override
        public String environment(String image, String condaFileText) {
            return WORKSPACE.armId() + "/environments/CliV2AnonymousEnvironment/versions/0123456789abcdef0123456789abcdef";
        }

        @Override
        public String component(String version, ObjectNode body) {
            components.put(version, body);
            return WORKSPACE.armId() + "/components/azureml_anonymous/versions/" + version;
        }
    };

    /** The recorded request bodies of the PUTs whose URL contains {@code segment}, in the order sent. */
    private static List<JsonNode> recordedPuts(String file, String segment) throws IOException {
        List<JsonNode> bodies = new ArrayList<>();
        for (JsonNode entry : JSON.readTree(PipelineRecordingContractTest.class.getResourceAsStream(RECORDED + file)).path("Entries")) {
            if (entry.path("RequestMethod").asText().equals("PUT") && entry.path("RequestUri").asText().contains(segment)) {
                bodies.add(entry.path("RequestBody"));
            }
        }
        assertThat(bodies).as("PUTs of " + segment + " recorded in " + file).isNotEmpty();
        return bodies;
    }

    /** The recordings, as the fake ships them (copied unmodified from shared/fixtures/azure-ml-recorded). */
    private static final String RECORDED = "/azurefake/recorded/";

    private JsonNode submit(String pipelineYaml) throws IOException {
        Files.createDirectories(folder.resolve("src"));
        Files.writeString(folder.resolve("src/hello.py"), "print('hello')\n");
        Files.writeString(folder.resolve("pipeline.yml"), pipelineYaml);
        return new PipelineJobBody(folder.resolve("pipeline.yml"), uploads, RemoteStepDebug.none())
                .build(WORKSPACE, null, null).job().body();
    }

    /** Shaped like the SDK's hello-world pipeline of the child-run recording: inline steps, an output bound to the pipeline's. */
    private JsonNode helloWorld() throws IOException {
        return submit("""
                type: pipeline
                experiment_name: azure-ai-ml
                description: The hello world pipeline job with inline command job having inputs
                tags: {tag: tagvalue, owner: sdkteam}
                compute: azureml:cpu-cluster
                outputs:
                  job_out_path_1: {mode: rw_mount}
                jobs:
                  hello_world_inline_commandjob_1:
                    type: command
                    code: src
                    command: echo "Hello World" > ${{outputs.component_out_path_1}}/helloworld.txt
                    environment: azureml:AzureML-sklearn-0.24-ubuntu18.04-py37-cpu:1
                    outputs:
                      component_out_path_1: ${{parent.outputs.job_out_path_1}}
                  hello_world_inline_commandjob_2:
                    type: command
                    code: src
                    command: echo "Hello World"
                    environment: azureml:AzureML-sklearn-0.24-ubuntu18.04-py37-cpu:1
                """);
    }

    /** Shaped like the DSL recording's pipeline: literal and bound inputs, a distributed step. */
    private JsonNode distributed() throws IOException {
        return submit("""
                type: pipeline
                experiment_name: mixed_pipeline
                compute: azureml:cpu-cluster
                inputs:
                  job_in_number: 16
                  job_in_path: {type: uri_file, path: https://dprepdata.blob.core.windows.net/demo/Titanic.csv}
                outputs:
                  pipeline_job_out: {type: uri_folder}
                jobs:
                  node1:
                    type: command
                    code: src
                    command: python hello.py ${{inputs.component_in_number}} ${{inputs.component_in_path}} ${{outputs.component_out_path}}
                    environment: {image: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04}
                    inputs:
                      component_in_number: ${{parent.inputs.job_in_number}}
                      component_in_path: ${{parent.inputs.job_in_path}}
                    outputs:
                      component_out_path: {type: uri_folder}
                  node2:
                    type: command
                    code: src
                    command: python hello.py ${{inputs.component_in_number}} ${{inputs.component_in_path}} ${{outputs.component_out_path}}
                    environment: {image: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04}
                    resources: {instance_count: 2}
                    distribution: {type: pytorch, process_count_per_instance: 2}
                    inputs:
                      component_in_path: ${{parent.jobs.node1.outputs.component_out_path}}
                      component_in_number: 2
                    outputs:
                      component_out_path: ${{parent.outputs.pipeline_job_out}}
                """);
    }

    @Test
    void theComponentPutCarriesWhatTheSdkSends() throws IOException {
        helloWorld();
        JsonNode recorded = recordedPuts(CHILD_RUN, "/components/").get(0);

        assertThat(components).hasSize(2);
        for (Map.Entry<String, ObjectNode> component : components.entrySet()) {
            assertThat(component.getKey()).as("the version, like the SDK's anonymous ones").matches(GUID);
            assertSameShape(recorded, component.getValue(), "$");
            JsonNode spec = component.getValue().path("properties").path("componentSpec");
            String code = "azureml:" + ARM + "/codes/[^/]+/versions/[^/]+";
            assertThat(recorded.path("properties").path("componentSpec").path("code").asText()).matches(code);
            assertThat(spec.path("code").asText()).matches(code);
            assertThat(spec.path("environment").asText()).isEqualTo("azureml:AzureML-sklearn-0.24-ubuntu18.04-py37-cpu:1");
        }
    }

    @Test
    void anInlineEnvironmentIsNamedInTheComponentByItsVersionsArmId() throws IOException {
        distributed();

        assertThat(components.values()).allSatisfy(component -> assertThat(component.path("properties").path("componentSpec")
                .path("environment").asText()).matches("azureml:" + ARM + "/environments/[^/]+/versions/[^/]+"));
    }

    @Test
    void thePipelinePutCarriesWhatTheSdkSends() throws IOException {
        JsonNode ours = helloWorld();
        JsonNode recorded = recordedPuts(CHILD_RUN, "/jobs/").get(0);

        assertSameShape(recorded, ours, "$");
        JsonNode steps = ours.path("properties").path("jobs");
        assertThat(steps.size()).isEqualTo(2);
        steps.forEach(step -> {
            assertThat(step.path("componentId").asText()).matches(ARM + "/components/azureml_anonymous/versions/" + GUID);
            assertThat(step.path("computeId").asText()).matches(ARM + "/computes/cpu-cluster");
        });
    }

    @Test
    void stepsWithInputsResourcesAndDistributionCarryTheNodeFormatTheSdkSends() throws IOException {
        JsonNode ours = distributed();
        JsonNode recorded = recordedPuts(DSL, "/jobs/").get(0);
        JsonNode recordedSteps = recorded.path("properties").path("jobs");
        JsonNode steps = ours.path("properties").path("jobs");

        assertSameShape(recorded.path("properties").path("inputs"), ours.path("properties").path("inputs"), "$.inputs");
        assertSameShape(recordedSteps.path("node1").path("inputs"), steps.path("node1").path("inputs"), "node1.inputs");
        for (String part : List.of("inputs", "resources", "distribution", "outputs")) {
            assertSameShape(recordedSteps.path("node2").path(part), steps.path("node2").path(part), "node2." + part);
        }
        assertThat(steps.path("node2").path("resources").path("instance_count").isInt()).isTrue();
    }

    /**
     * Every field of {@code recorded} is in {@code ours} (but the optional ones), objects compared alike, discriminators
     * equal; a map of names (inputs, outputs, jobs) is compared entry by entry where both have the name.
     */
    private static void assertSameShape(JsonNode recorded, JsonNode ours, String path) {
        recorded.fields().forEachRemaining(field -> {
            String key = field.getKey();
            String at = path + "." + key;
            if (!ours.has(key)) {
                boolean named = path.endsWith(".inputs") || path.endsWith(".outputs") || path.endsWith(".jobs");
                assertThat(OPTIONAL.contains(key) || named).as(at + " is sent by the SDK but not by us").isTrue();
                return;
            }
            JsonNode value = field.getValue();
            if (ours.get(key).isNull() && OPTIONAL.contains(key)) {
                return;
            }
            if (value.isObject()) {
                assertThat(ours.get(key).isObject()).as(at + " is an object").isTrue();
                assertSameShape(value, ours.get(key), at);
            } else if (DISCRIMINATORS.contains(key) && !path.endsWith(".inputs") && !path.endsWith(".outputs")) {
                assertThat(ours.get(key)).as(at).isEqualTo(value);
            } else if (!value.isNull()) {
                assertThat(ours.get(key).getNodeType()).as(at + "'s JSON type").isEqualTo(value.getNodeType());
            }
        });
    }
}

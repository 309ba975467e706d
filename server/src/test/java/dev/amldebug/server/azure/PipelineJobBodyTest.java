package dev.amldebug.server.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.runner.debug.DebugOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline YAML to REST translation and the debugged steps' wrapping, alone; the fake checks the schema in the IT. */
class PipelineJobBodyTest {
    private static final WorkspaceId WORKSPACE = new WorkspaceId("sub", "group", "ws");

    @TempDir
    Path folder;

    private final List<String> uploaded = new ArrayList<>();
    private final List<String> conda = new ArrayList<>();
    private final Map<String, ObjectNode> components = new LinkedHashMap<>();
    private final CommandJobBody.Uploads uploads = new CommandJobBody.Uploads() {
        @Override
        public String code(Path codeFolder) {
            try (Stream<Path> files = Files.walk(codeFolder)) {
                uploaded.add(files.filter(Files::isRegularFile).map(f -> codeFolder.relativize(f).toString().replace('\\', '/'))
                        .sorted().toList().toString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return WORKSPACE.armId() + "/codes/aml-debug-code/versions/" + uploaded.size();
        }

        @Override
        public URI input(Path path) {
            return URI.create("https://store.blob.core.windows.net/c/" + path.getFileName());
        }

        @Override
        public String environment(String image, String condaFileText) {
            conda.add(condaFileText);
            return WORKSPACE.armId() + "/environments/CliV2AnonymousEnvironment/versions/" + conda.size();
        }

        @Override
        public String component(String version, ObjectNode body) {
            components.put(version, body);
            return WORKSPACE.armId() + "/components/azureml_anonymous/versions/" + version;
        }
    };

    /** The spec of the component a step references. */
    private JsonNode spec(JsonNode step) {
        String id = step.path("componentId").asText();
        return components.get(id.substring(id.lastIndexOf('/') + 1)).path("properties").path("componentSpec");
    }

    @BeforeEach
    void project() throws IOException {
        Files.createDirectories(folder.resolve("src/prep"));
        Files.createDirectories(folder.resolve("src/train"));
        Files.writeString(folder.resolve("src/prep/prep.py"), "print(1)\n");
        Files.writeString(folder.resolve("src/train/train.py"), "print(2)\n");
        Files.writeString(folder.resolve("conda.yml"), "name: t\ndependencies:\n  - python=3.10\n  - pip\n  - pip:\n    - pandas\n");
        Files.writeString(folder.resolve("train.yml"), """
                type: command
                display_name: train-it
                inputs:
                  table: {type: uri_folder}
                  epochs: {type: integer, default: 5}
                outputs:
                  model: {type: uri_folder}
                code: src/train
                command: python train.py --table ${{inputs.table}} --epochs ${{inputs.epochs}} --model ${{outputs.model}}
                environment: azureml:sklearn-1.5@latest
                """);
        Files.writeString(folder.resolve("pipeline.yml"), """
                type: pipeline
                experiment_name: digits-pipeline
                display_name: prep-train
                settings:
                  default_compute: azureml:cpu-cluster
                  continue_on_step_failure: true
                inputs:
                  pixel_max: 16
                outputs:
                  trained_model: {type: uri_folder}
                  report: {type: uri_folder}
                jobs:
                  prep:
                    type: command
                    display_name: prep-table
                    code: src/prep
                    command: python prep.py --pixel-max ${{inputs.pixel_max}} --table ${{outputs.table}}
                    inputs:
                      pixel_max: ${{parent.inputs.pixel_max}}
                    outputs:
                      table: {type: uri_folder}
                      report: ${{parent.outputs.report}}
                    environment:
                      image: aml-debug/python:bookworm
                      conda_file: conda.yml
                  train:
                    component: ./train.yml
                    inputs:
                      table: ${{parent.jobs.prep.outputs.table}}
                    outputs:
                      model: ${{parent.outputs.trained_model}}
                """);
    }

    private PipelineJobBody.Pipeline build(RemoteStepDebug debug, String compute) {
        return new PipelineJobBody(folder.resolve("pipeline.yml"), uploads, debug).build(WORKSPACE, compute, null);
    }

    private RemoteStepDebug debugging(boolean install, String... steps) {
        return new RemoteStepDebug(Set.of(steps), new DebugOptions(120, true, false), install, folder.resolve(".azureml/snapshots"), null, null);
    }

    @Test
    void eachStepIsRegisteredAsAnAnonymousComponentThatItsNodeReferencesWithBindingsKeptAsWritten() {
        PipelineJobBody.Pipeline pipeline = build(RemoteStepDebug.none(), null);
        JsonNode job = pipeline.job().body().get("properties");
        String compute = WORKSPACE.armId() + "/computes/cpu-cluster";

        assertThat(job.path("jobType").asText()).isEqualTo("Pipeline");
        assertThat(job.path("experimentName").asText()).isEqualTo("digits-pipeline");
        assertThat(job.path("displayName").asText()).isEqualTo("prep-train");
        assertThat(job.path("settings").path("_source").asText()).isEqualTo("YAML.JOB");
        assertThat(job.path("settings").path("default_compute").asText()).isEqualTo(compute);
        assertThat(job.path("settings").path("continue_on_step_failure").asBoolean()).isTrue();
        assertThat(job.path("inputs").path("pixel_max").toString()).isEqualTo("{\"jobInputType\":\"literal\",\"value\":\"16\"}");
        assertThat(job.path("outputs").path("trained_model").path("jobOutputType").asText()).isEqualTo("uri_folder");
        JsonNode prep = job.path("jobs").path("prep");
        assertThat(prep.path("type").asText()).isEqualTo("command");
        assertThat(prep.path("computeId").asText()).isEqualTo(compute);
        assertThat(prep.path("_source").asText()).isEqualTo("YAML.JOB");
        assertThat(prep.has("command")).as("what a step runs is its component's").isFalse();
        assertThat(prep.path("inputs").path("pixel_max").toString())
                .isEqualTo("{\"job_input_type\":\"literal\",\"value\":\"${{parent.inputs.pixel_max}}\"}");
        assertThat(prep.path("outputs").path("report").toString()).isEqualTo("{\"value\":\"${{parent.outputs.report}}\",\"type\":\"literal\"}");
        JsonNode prepSpec = spec(prep);
        assertThat(prepSpec.path("type").asText()).isEqualTo("command");
        assertThat(prepSpec.path("name").asText()).isEqualTo("azureml_anonymous");
        assertThat(prepSpec.path("code").asText()).isEqualTo("azureml:" + WORKSPACE.armId() + "/codes/aml-debug-code/versions/1");
        assertThat(prepSpec.path("command").asText()).isEqualTo("python prep.py --pixel-max ${{inputs.pixel_max}} --table ${{outputs.table}}");
        assertThat(prepSpec.path("environment").asText())
                .isEqualTo("azureml:" + WORKSPACE.armId() + "/environments/CliV2AnonymousEnvironment/versions/1");
        assertThat(prepSpec.path("inputs").path("pixel_max").path("type").asText()).as("the pipeline input's type").isEqualTo("integer");
        assertThat(prepSpec.path("outputs").path("table").path("type").asText()).isEqualTo("uri_folder");
        assertThat(prepSpec.path("outputs").path("report").path("type").asText()).isEqualTo("uri_folder");
        JsonNode train = job.path("jobs").path("train");
        assertThat(train.path("inputs").path("table").path("value").asText()).isEqualTo("${{parent.jobs.prep.outputs.table}}");
        assertThat(train.path("outputs").path("model").path("value").asText()).isEqualTo("${{parent.outputs.trained_model}}");
        JsonNode trainSpec = spec(train);
        assertThat(trainSpec.path("environment").asText()).isEqualTo("azureml:sklearn-1.5@latest");
        assertThat(trainSpec.path("display_name").asText()).isEqualTo("train-it");
        assertThat(trainSpec.path("inputs").path("epochs").toString()).as("the component's declaration")
                .isEqualTo("{\"type\":\"integer\",\"default\":\"5\"}");
        assertThat(components).hasSize(2);
        assertThat(uploaded).containsExactly("[prep.py]", "[train.py]");
        assertThat(pipeline.steps().get("prep").displayName()).isEqualTo("prep-table");
        assertThat(pipeline.steps().get("train").codeFolder()).isEqualTo(folder.resolve("src/train"));
    }

    @Test
    void anUnchangedStepIsRegisteredUnderTheSameVersionAndAChangedOneUnderAnother() throws IOException {
        String first = prepComponentId();
        String again = prepComponentId();
        Files.writeString(folder.resolve("pipeline.yml"), Files.readString(folder.resolve("pipeline.yml"))
                .replace("python prep.py", "python -u prep.py"));
        String changed = prepComponentId();

        assertThat(again).isEqualTo(first);
        assertThat(changed).isNotEqualTo(first);
        assertThat(first.substring(first.lastIndexOf('/') + 1)).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void aStepWithKeysALocalRunAcceptsIsSubmittedToo() throws IOException {
        // experiment_name on a step: the local run reads it (JobKeys.PIPELINE_STEP); submitting once refused it.
        Files.writeString(folder.resolve("pipeline.yml"), Files.readString(folder.resolve("pipeline.yml"))
                .replaceFirst("(?m)^( *)command: python prep.py", "$1experiment_name: ignored-on-a-step\n$1command: python prep.py"));

        assertThat(prepComponentId()).contains("/components/azureml_anonymous/versions/");
    }

    /** The prep step's component id, the uploads named afresh (as the same files are uploaded under the same name). */
    private String prepComponentId() {
        uploaded.clear();
        conda.clear();
        return build(RemoteStepDebug.none(), null).job().body().path("properties").path("jobs").path("prep").path("componentId").asText();
    }

    @Test
    void theBodiesAreAPipelineJobAndComponentVersionsOfTheServicesSchema() {
        var validator = new dev.amldebug.azurefake.schema.SchemaValidator(dev.amldebug.azurefake.schema.SwaggerDefinitions.bundled());
        assertThat(validator.check("Jobs_CreateOrUpdate", "JobBaseResource", build(debugging(true, "prep", "train"), "gpu").job().body()))
                .isEmpty();
        components.values().forEach(body -> assertThat(validator.check("ComponentVersions_CreateOrUpdate",
                "ComponentVersionResource", body)).isEmpty());
    }

    @Test
    void aStepsResourcesAndDistributionGoInTheNodesFormatAndCountItsProcesses() throws IOException {
        Files.writeString(folder.resolve("pipeline.yml"), Files.readString(folder.resolve("pipeline.yml")).replace("  train:\n",
                "  train:\n    resources:\n      instance_count: 2\n    distribution:\n      type: pytorch\n"
                        + "      process_count_per_instance: 3\n"));
        PipelineJobBody.Pipeline pipeline = build(RemoteStepDebug.none(), null);
        JsonNode train = pipeline.job().body().path("properties").path("jobs").path("train");

        assertThat(train.path("resources").toString()).isEqualTo("{\"instance_count\":2}");
        assertThat(train.path("distribution").toString())
                .isEqualTo("{\"distribution_type\":\"PyTorch\",\"process_count_per_instance\":3}");
        assertThat(pipeline.steps().get("train").processes()).isEqualTo(6);
        assertThat(pipeline.steps().get("prep").processes()).isEqualTo(1);
    }

    @Test
    void anInlineComponentIsRegisteredWithItsDeclaredPortsAndCodeBesideThePipeline() throws IOException {
        Files.writeString(folder.resolve("pipeline.yml"), Files.readString(folder.resolve("pipeline.yml")).replace(
                "    component: ./train.yml\n", """
                            component:
                              code: src/train
                              command: python train.py --table ${{inputs.table}} --model ${{outputs.model}}
                              environment: azureml:sklearn-1.5@latest
                              inputs: {table: {type: uri_folder}}
                              outputs: {model: {type: uri_folder}}
                        """));
        PipelineJobBody.Pipeline pipeline = build(RemoteStepDebug.none(), null);
        JsonNode trainSpec = spec(pipeline.job().body().path("properties").path("jobs").path("train"));

        assertThat(trainSpec.path("inputs").toString()).isEqualTo("{\"table\":{\"type\":\"uri_folder\"}}");
        assertThat(trainSpec.path("environment").asText()).isEqualTo("azureml:sklearn-1.5@latest");
        assertThat(pipeline.steps().get("train").codeFolder()).isEqualTo(folder.resolve("src/train"));
    }

    @Test
    void computeFromTheCommandLineWinsOverTheDefaultCompute() {
        JsonNode job = build(RemoteStepDebug.none(), "gpu").job().body().get("properties");
        assertThat(job.path("computeId").asText()).isEqualTo(WORKSPACE.armId() + "/computes/gpu");
        assertThat(job.path("jobs").path("train").path("computeId").asText()).isEqualTo(WORKSPACE.armId() + "/computes/gpu");
    }

    @Test
    void aDebuggedStepGetsTheShimInASeparateSnapshotItsCommandWrappedAndDebugpyInItsConda() throws IOException {
        JsonNode job = build(debugging(false, "prep"), null).job().body().get("properties");
        JsonNode prep = spec(job.path("jobs").path("prep"));

        assertThat(prep.path("command").asText()).isEqualTo("python .aml_debug/aml_debug_shim.py --listen 0.0.0.0:5678"
                + " --wait-timeout 120 --on-timeout abort -- prep.py --pixel-max ${{inputs.pixel_max}} --table ${{outputs.table}}");
        assertThat(uploaded.get(0)).isEqualTo("[.aml_debug/aml_debug_faststop.py, .aml_debug/aml_debug_governor.py,"
                + " .aml_debug/aml_debug_nodelay.py, .aml_debug/aml_debug_postmortem.py, .aml_debug/aml_debug_ranks.py,"
                + " .aml_debug/aml_debug_shim.py, .aml_debug/startup/aml_debug_fingerprint.py,"
                + " .aml_debug/startup/pydevd_plugins/__init__.py, .aml_debug/startup/pydevd_plugins/extensions/__init__.py,"
                + " .aml_debug/startup/pydevd_plugins/extensions/pydevd_plugin_aml_debug_arrays.py,"
                + " .aml_debug/startup/sitecustomize.py, prep.py]");
        assertThat(conda.get(0)).contains("- pandas", "- debugpy");
        assertThat(folder.resolve("src/prep")).isDirectoryNotContaining(path -> path.getFileName().toString().equals(".aml_debug"));
        try (Stream<Path> left = Files.list(folder.resolve(".azureml/snapshots"))) {
            assertThat(left).as("the temporary snapshot is gone").isEmpty();
        }
    }

    @Test
    void installDebugpyInstallsItBeforeTheWrappedCommandForARegisteredEnvironment() {
        JsonNode train = spec(build(debugging(true, "train"), null).job().body().get("properties").path("jobs").path("train"));

        assertThat(train.path("command").asText()).startsWith("python -m pip install --quiet --disable-pip-version-check debugpy"
                + " || echo 'aml-debug: pip could not install debugpy'; python .aml_debug/aml_debug_shim.py ");
        assertThat(train.path("environment").asText()).isEqualTo("azureml:sklearn-1.5@latest");
    }

    @Test
    void anUnknownDebugStepNamesTheSteps() {
        assertThatThrownBy(() -> build(debugging(false, "evaluate"), null))
                .hasMessageContaining("--debug-step evaluate: the pipeline has no step 'evaluate'; its steps are prep, train.");
    }

    @Test
    void debugpyGoesIntoThePipSectionOrANewOne() {
        assertThat(CondaDebugpy.add("dependencies:\n  - python=3.10\n")).isEqualTo("dependencies:\n- python=3.10\n- pip\n- pip:\n  - debugpy\n");
        assertThat(CondaDebugpy.add("dependencies:\n  - pip:\n    - debugpy==1.8.0\n")).isEqualTo("dependencies:\n  - pip:\n    - debugpy==1.8.0\n");
    }
}

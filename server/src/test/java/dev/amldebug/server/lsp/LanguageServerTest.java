package dev.amldebug.server.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStatus;
import dev.amldebug.runner.run.RunStore;
import dev.amldebug.server.lsp.Protocol.TreeNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every method of the language server over real JSON-RPC, with no Docker (DOCKER_HOST points nowhere). */
class LanguageServerTest {
    @RegisterExtension
    final LanguageServerExtension lsp = LanguageServerExtension.local();

    private LspSession session;

    @BeforeEach
    void start() {
        System.setProperty("DOCKER_HOST", "unix://" + lsp.workspace().resolve("no-docker.sock"));
        session = lsp.session();
    }

    @AfterEach
    void stop() {
        System.clearProperty("DOCKER_HOST");
    }

    private void storeRun(String id, String experiment, RunStatus status) throws Exception {
        RunStore store = new RunStore(lsp.workspace());
        RunRecord record = new RunRecord();
        record.id = id;
        record.experiment = experiment;
        record.status = status;
        record.createdAt = Instant.now();
        record.startedAt = Instant.now();
        record.endedAt = Instant.now();
        store.create(record);
        Files.writeString(store.outputs(id).resolve("metrics.json"), "{}");
    }

    @Test
    @SuppressWarnings("unchecked")
    void debuggableRunsAreTheRunningRunsWithADebuggerToJoin() throws Exception {
        storeRun("ended_1", "exp", RunStatus.Completed);
        storeRun("plain_1", "exp", RunStatus.Running);
        storeRun("debugged_1", "exp", RunStatus.Running);
        RunStore store = new RunStore(lsp.workspace());
        for (String id : List.of("ended_1", "plain_1", "debugged_1")) {
            store.update(id, record -> {
                record.ownerPid = ProcessHandle.current().pid();
                record.ownerStartedAt = ProcessHandle.current().info().startInstant().orElse(null);
                record.endedAt = null;
                if (!id.startsWith("plain")) {
                    record.debugEndpoint = "127.0.0.1:5678";
                }
            });
        }

        Map<String, Object> result = session.commandResult("azureml.debuggableRuns", Map.of(), java.time.Duration.ofSeconds(30));

        assertThat((List<Map<String, Object>>) result.get("runs")).singleElement().satisfies(run -> {
            assertThat(run).containsEntry("runId", "debugged_1").containsEntry("status", "Running")
                    .containsEntry("endpoint", "127.0.0.1:5678");
        });
    }

    private static ResponseErrorException error(java.util.concurrent.Future<?> future) {
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> future.get(30, TimeUnit.SECONDS));
        assertThat(e.getCause()).isInstanceOf(ResponseErrorException.class);
        return (ResponseErrorException) e.getCause();
    }

    @Test
    void initializeAnswersWithTheCommandsEvenWithoutDocker() throws Exception {
        try (LspSession other = new LspSession()) {
            InitializeResult result = other.initialize(lsp.workspace());
            assertThat(result.getCapabilities().getExecuteCommandProvider().getCommands()).contains(
                    "azureml.createExperiment", "azureml.createRunConfiguration", "azureml.submitExperiment",
                    "azureml.cancelRun", "azureml.pruneImages", "azureml.addLaunchConfiguration");
        }
    }

    private RunRecord storePipeline() throws Exception {
        storeRun("pipe_1_00000001", "pipe", RunStatus.Completed);
        storeRun("pipe_2_00000002", "pipe", RunStatus.Completed);
        storeRun("pipe_2_00000003", "pipe", RunStatus.Failed);
        storeRun("pipe_2_00000004", "pipe", RunStatus.Completed);
        RunStore store = new RunStore(lsp.workspace());
        store.update("pipe_1_00000001", r -> {
            r.step().placeIn("pipe_0_00000000", "prep");
        });
        store.update("pipe_2_00000002", r -> {
            r.step().placeIn("pipe_2_00000004", "prep");
            r.step().setReusedFrom("pipe_1_00000001");
        });
        Files.delete(store.outputs("pipe_2_00000002").resolve("metrics.json"));
        store.update("pipe_2_00000003", r -> {
            r.step().placeIn("pipe_2_00000004", "train");
            r.error = "Steps failed: train";
        });
        return store.update("pipe_2_00000004", r -> {
            r.kind = dev.amldebug.runner.run.RunKind.pipeline;
            r.source = lsp.workspace().resolve("pipeline.yml").toString();
            r.pipeline().addStep("prep", "pipe_2_00000002");
            r.pipeline().addStep("train", "pipe_2_00000003");
        });
    }

    @Test
    void aPipelineRunShowsItsStepsAndAReusedStepShowsTheOutputsItReused() throws Exception {
        storePipeline();
        List<TreeNode> runs = session.children("local/experiments/pipe");
        assertThat(runs).as("steps hang under their pipeline").extracting(TreeNode::runId)
                .containsExactly("pipe_2_00000004");
        assertThat(runs.get(0).contextValue()).isEqualTo("azureml.pipelineRun.completed");
        assertThat(session.children(runs.get(0).id())).extracting(TreeNode::label).containsExactly("Steps", "Logs");
        List<TreeNode> steps = session.children(runs.get(0).id() + "/steps");
        assertThat(steps).extracting(TreeNode::label).containsExactly("prep", "train");
        assertThat(steps).extracting(TreeNode::contextValue)
                .containsExactly("azureml.pipelineStep.completed", "azureml.pipelineStep.failed");
        assertThat(steps.get(0).description()).isEqualTo("Completed · reused");
        assertThat(steps.get(0).runId()).isEqualTo("pipe_2_00000002");
        assertThat(session.children(steps.get(0).id())).extracting(TreeNode::label).containsExactly("Logs", "Outputs");
        assertThat(session.children(steps.get(0).id() + "/outputs")).as("the outputs it reused")
                .extracting(TreeNode::label).containsExactly("metrics.json");
    }

    @Test
    void debugPipelineStepOnARunThatIsNoStepIsBadInput() throws Exception {
        storeRun("digits_1_aaaaaaaa", "digits", RunStatus.Completed);
        ResponseErrorException e = error(session.command("azureml.debugPipelineStep", Map.of("runId", "digits_1_aaaaaaaa")));
        assertThat(e.getResponseError().getCode()).isEqualTo(ResponseErrorCode.InvalidParams.getValue());
        assertThat(e.getMessage()).contains("is not a pipeline step");
    }

    @Test
    void treeGoesFromTheWorkspaceToExperimentsRunsLogsAndOutputs() throws Exception {
        storeRun("digits_1_aaaaaaaa", "digits", RunStatus.Completed);
        assertThat(session.children(null)).extracting(TreeNode::id).containsExactly("local", "azure");
        assertThat(session.children("local")).extracting(TreeNode::id)
                .containsExactly("local/experiments", "local/deployments", "local/environments", "local/images");
        assertThat(session.children("local/experiments")).extracting(TreeNode::label).containsExactly("digits");
        TreeNode run = session.children("local/experiments/digits").get(0);
        assertThat(run.id()).isEqualTo("local/runs/digits_1_aaaaaaaa");
        assertThat(run.runId()).isEqualTo("digits_1_aaaaaaaa");
        assertThat(run.contextValue()).isEqualTo("azureml.run.completed");
        assertThat(run.description()).startsWith("Completed · ");
        assertThat(session.children(run.id())).extracting(TreeNode::label).containsExactly("Logs", "Outputs");
        List<TreeNode> logs = session.children(run.id() + "/logs");
        assertThat(logs).extracting(TreeNode::runId).containsOnly("digits_1_aaaaaaaa");
        assertThat(logs).extracting(TreeNode::label).containsExactly("60_control_log.txt", "70_driver_log.txt");
        assertThat(Path.of(URI.create(logs.get(1).resourceUri()))).exists();
        assertThat(session.children(run.id() + "/outputs")).extracting(TreeNode::label).containsExactly("metrics.json");
    }

    @Test
    void aSymlinkInOutputsIsShownAsALinkAndNeverFollowed() throws Exception {
        storeRun("links_1_aaaaaaaa", "links", RunStatus.Completed);
        Path outputs = new RunStore(lsp.workspace()).outputs("links_1_aaaaaaaa");
        Files.createSymbolicLink(outputs.resolve("up_link"), Path.of("../../../../../../../../.."));
        Files.createDirectories(outputs.resolve("real"));
        Files.createSymbolicLink(outputs.resolve("real/root"), Path.of("/"));
        List<TreeNode> nodes = session.children("local/runs/links_1_aaaaaaaa/outputs");
        assertThat(nodes).extracting(TreeNode::label).containsExactly("metrics.json", "real", "up_link");
        TreeNode link = nodes.get(2);
        assertThat(link.kind()).isEqualTo("outputLink");
        assertThat(link.collapsible()).isFalse();
        assertThat(link.resourceUri()).isNull();
        assertThat(session.children(link.id())).isEmpty();
        assertThat(session.children(link.id() + "/etc")).isEmpty();
        assertThat(session.children("local/runs/links_1_aaaaaaaa/outputs/real")).singleElement()
                .satisfies(node -> assertThat(node.kind()).isEqualTo("outputLink"));
        assertThat(session.children("local/runs/links_1_aaaaaaaa/outputs/real/root")).isEmpty();
        assertThat(session.children("local/runs/links_1_aaaaaaaa/outputs/../../../..")).isEmpty();
    }

    @Test
    void aBrokenRunIsShownBesideTheExperimentsAndTheTreeStillWorks() throws Exception {
        storeRun("digits_1_aaaaaaaa", "digits", RunStatus.Completed);
        storeRun("cut_2_bbbbbbbb", "cut", RunStatus.Completed);
        Files.writeString(lsp.workspace().resolve(".azureml/runs/cut_2_bbbbbbbb/run.json"), "{\"id\": \"cut_2");
        List<TreeNode> nodes = session.children("local/experiments");
        assertThat(nodes).extracting(TreeNode::label).containsExactly("digits", "cut_2_bbbbbbbb");
        assertThat(nodes.get(1).kind()).isEqualTo("brokenRun");
        assertThat(nodes.get(1).tooltip()).contains("run.json cannot be read");
        assertThat(nodes.get(1).resourceUri()).endsWith("cut_2_bbbbbbbb/run.json");
        assertThat(session.children("local/experiments/digits")).hasSize(1);
    }

    @Test
    void environmentsListDefinitionsInTheFolderAndTheBaseImage() throws Exception {
        Files.writeString(lsp.workspace().resolve("env.yml"), "name: e\nimage: python:3.11\n");
        Files.writeString(lsp.workspace().resolve("job.yml"), "command: python x.py\nenvironment:\n  image: y\n");
        assertThat(session.children("local/environments")).extracting(TreeNode::label)
                .containsExactly("env.yml", "aml-debug/python:bookworm");
    }

    @Test
    void imagesNodeShowsADockerProblemAsANodeNotAFailure() throws Exception {
        List<TreeNode> images = session.children("local/images");
        assertThat(images).singleElement().satisfies(node -> {
            assertThat(node.kind()).isEqualTo("message");
            assertThat(node.label()).startsWith("Docker is not running");
        });
    }

    @Test
    void unknownNodeIsAnErrorTheUserCanActOn() {
        ResponseErrorException e = error(session.server.treeChildren(new Protocol.TreeChildrenParams("nope")));
        assertThat(e.getResponseError().getMessage()).contains("No tree node 'nope'");
    }

    @Test
    void createExperimentAddsItToTheTreeAndSaysSo() throws Exception {
        Object result = session.command("azureml.createExperiment", Map.of("name", "exp1")).get(30, TimeUnit.SECONDS);
        assertThat(result.toString()).contains("created=true");
        assertThat(session.children("local/experiments")).extracting(TreeNode::label).contains("exp1");
        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> !session.client.treeChanges.isEmpty());
        ResponseErrorException invalid = error(session.command("azureml.createExperiment", Map.of("name", "bad name!")));
        assertThat(invalid.getResponseError().getCode()).isEqualTo(ResponseErrorCode.InvalidParams.getValue());
    }

    @Test
    void createRunConfigurationWritesARunnableJobAndReturnsItsUri() throws Exception {
        Files.createDirectories(lsp.workspace().resolve("src"));
        Files.writeString(lsp.workspace().resolve("src/train.py"), "print(1)\n");
        Files.createDirectories(lsp.workspace().resolve("data"));
        Object result = session.command("azureml.createRunConfiguration", Map.of("script", "src/train.py",
                "dataset", "data", "addDebugpy", true)).get(30, TimeUnit.SECONDS);
        Path job = lsp.workspace().resolve(".azureml/train.job.yml");
        assertThat(result.toString()).contains(job.toUri().toString());
        assertThat(Files.readString(job)).contains("code: ../src", "command: python train.py --data ${{inputs.data", "path: ../data",
                "image: aml-debug/python:bookworm", "conda_file: train.conda.yml");
        var spec = new dev.amldebug.runner.spec.RunSpecLoader("x").load(job, null, List.of());
        assertThat(spec.codeDir()).isEqualTo(lsp.workspace().resolve("src"));
        assertThat(error(session.command("azureml.createRunConfiguration", Map.of("script", "missing.py")))
                .getResponseError().getMessage()).contains("missing.py");
    }

    @Test
    void submitWithAnInvalidJobIsRefusedWithFileLineAndColumn() throws Exception {
        Files.writeString(lsp.workspace().resolve("job.yml"), "comand: python x.py\n");
        ResponseErrorException e = error(session.command("azureml.submitExperiment", Map.of("configuration", "job.yml")));
        assertThat(e.getResponseError().getMessage()).contains("job.yml:1:1: unknown key 'comand'");
    }

    @Test
    void fileArgumentsTakeWorkspacePathsAbsolutePathsAndFileUris() throws Exception {
        Files.writeString(lsp.workspace().resolve("job.yml"), "comand: python x.py\n");
        for (String configuration : new String[] {"job.yml", lsp.workspace().resolve("job.yml").toString(),
                lsp.workspace().resolve("job.yml").toUri().toString()}) {
            ResponseErrorException e = error(session.command("azureml.submitExperiment",
                    Map.of("configuration", configuration)));
            assertThat(e.getResponseError().getMessage()).as(configuration)
                    .startsWith(lsp.workspace().resolve("job.yml") + ":1:1: unknown key 'comand'");
        }
        Files.writeString(lsp.workspace().resolve("train.py"), "print(1)\n");
        session.command("azureml.createRunConfiguration", Map.of("script", lsp.workspace().resolve("train.py").toUri().toString()))
                .get(30, TimeUnit.SECONDS);
        assertThat(lsp.workspace().resolve(".azureml/train.job.yml")).exists();
        assertThat(error(session.command("azureml.submitExperiment", Map.of("configuration", "https://example.org/j.yml")))
                .getResponseError().getMessage()).contains("is not on this machine");
    }

    @Test
    void addLaunchConfigurationCreatesLaunchJsonWhenAbsent() throws Exception {
        session.command("azureml.addLaunchConfiguration", Map.of("kind", "deployment")).get(30, TimeUnit.SECONDS);
        JsonNode launch = jsonc(lsp.workspace().resolve(".vscode/launch.json"));
        JsonNode config = launch.get("configurations").get(0);
        assertThat(config.get("connect").get("port").asInt()).isEqualTo(5678);
        assertThat(config.get("pathMappings").get(0).get("remoteRoot").asText()).isEqualTo("/var/azureml-app");
    }

    @Test
    void addLaunchConfigurationKeepsCommentsAndTrailingCommas() throws Exception {
        Path file = lsp.workspace().resolve(".vscode/launch.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\n  // my launch file\n  \"version\": \"0.2.0\",\n  \"configurations\": [\n"
                + "    {\"name\": \"Mine\", \"type\": \"python\", \"request\": \"launch\",}, // keep me\n  ],\n}\n");
        session.command("azureml.addLaunchConfiguration", Map.of("kind", "remote", "host", "10.0.0.4", "port", 5678,
                "remoteRoot", "/mnt/azureml/code")).get(30, TimeUnit.SECONDS);
        session.command("azureml.addLaunchConfiguration", Map.of("kind", "run", "runId", "digits_1_a"))
                .get(30, TimeUnit.SECONDS);
        String text = Files.readString(file);
        assertThat(text).contains("// my launch file", "// keep me");
        JsonNode configs = jsonc(file).get("configurations");
        assertThat(configs).hasSize(3);
        assertThat(configs.get(1).get("type").asText()).isEqualTo("debugpy");
        assertThat(configs.get(1).get("connect").get("host").asText()).isEqualTo("10.0.0.4");
        assertThat(configs.get(1).get("pathMappings").get(0).get("remoteRoot").asText()).isEqualTo("/mnt/azureml/code");
        assertThat(configs.get(2).get("type").asText()).isEqualTo("azureml");
        assertThat(configs.get(2).get("runId").asText()).isEqualTo("digits_1_a");
    }

    @Test
    void addLaunchConfigurationRefusesWhatItCannotDoAndChangesNothing() throws Exception {
        Path file = lsp.workspace().resolve(".vscode/launch.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{ \"configurations\": [ oops ");
        assertThat(error(session.command("azureml.addLaunchConfiguration", Map.of("kind", "run", "runId", "r")))
                .getResponseError().getMessage()).contains("launch.json cannot be parsed");
        assertThat(Files.readString(file)).isEqualTo("{ \"configurations\": [ oops ");
        assertThat(error(session.command("azureml.addLaunchConfiguration", Map.of("kind", "remote", "host", "8.8.8.8",
                "port", 5678))).getResponseError().getMessage()).contains("public address");
        assertThat(error(session.command("azureml.addLaunchConfiguration", Map.of("kind", "sideways")))
                .getResponseError().getMessage()).contains("kind must be remote, deployment or run");
    }

    @Test
    void unknownCommandIsAnError() {
        assertThat(error(session.command("azureml.nope", Map.of())).getResponseError().getMessage())
                .contains("Unknown command 'azureml.nope'");
    }

    @Test
    void cancellingAnUnknownRunIsAnError() {
        assertThat(error(session.command("azureml.cancelRun", Map.of("runId", "none_1_2"))).getResponseError().getMessage())
                .contains("No run 'none_1_2'");
    }

    @Test
    void runStoreChangesFromOutsideRefreshThatExperiment() throws Exception {
        storeRun("outside_1_aaaaaaaa", "outside", RunStatus.Running);
        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> session.client.treeChanges.stream()
                .anyMatch(c -> "local/experiments/outside".equals(c.nodeId())));
        session.client.treeChanges.clear();
        new RunStore(lsp.workspace()).update("outside_1_aaaaaaaa", r -> r.status = RunStatus.Canceled);
        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> session.client.treeChanges.stream()
                .anyMatch(c -> "local/experiments/outside".equals(c.nodeId())));
    }

    @Test
    void serverExitsWhenTheProcessThatStartedItIsGone() throws Exception {
        // The stimulus: a parent process that is alive at initialize and gone a second later.
        Process parent = new ProcessBuilder("sleep", "1").start();
        try (LspSession other = new LspSession()) {
            org.eclipse.lsp4j.InitializeParams params = new org.eclipse.lsp4j.InitializeParams();
            params.setProcessId((int) parent.pid());
            params.setRootUri(lsp.workspace().toUri().toString());
            other.server.initialize(params).get(30, TimeUnit.SECONDS);
            assertThat(other.exited.get()).isFalse();
            parent.waitFor();
            await().atMost(java.time.Duration.ofSeconds(10)).untilTrue(other.exited);
        }
    }

    @Test
    void endpointsNobodyConnectedToAreRemovedOnExit() throws Exception {
        Protocol.DebugAdapterEndpoint endpoint = session.server.debugAdapterEndpoint(
                new Protocol.DebugAdapterEndpointParams(null)).get(30, TimeUnit.SECONDS);
        assertThat(endpoint.transport()).isEqualTo("pipe");
        Path socket = Path.of(endpoint.path());
        assertThat(socket).exists();
        assertThat(Files.getPosixFilePermissions(socket)).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        session.server.exit();
        await().atMost(java.time.Duration.ofSeconds(10)).untilTrue(session.exited);
        assertThat(socket).doesNotExist();
        assertThat(socket.getParent()).doesNotExist();
    }

    @Test
    void pruneRunsRemovesOldEndedRunsAndRefreshesTheTree() throws Exception {
        storeRun("keep_1_aaaaaaaa", "digits", RunStatus.Completed);
        storeRun("old_2_bbbbbbbb", "digits", RunStatus.Completed);
        new RunStore(lsp.workspace()).update("old_2_bbbbbbbb", r -> r.endedAt = Instant.now().minus(java.time.Duration.ofDays(40)));
        Object result = session.command("azureml.pruneRuns", Map.of()).get(30, TimeUnit.SECONDS);
        assertThat(result.toString()).contains("old_2_bbbbbbbb").doesNotContain("keep_1");
        assertThat(session.children("local/experiments/digits")).extracting(TreeNode::runId)
                .containsExactly("keep_1_aaaaaaaa");
    }

    @Test
    void exitEndsTheServer() throws Exception {
        session.server.shutdown().get(30, TimeUnit.SECONDS);
        session.server.exit();
        await().atMost(java.time.Duration.ofSeconds(10)).untilTrue(session.exited);
    }

    private static JsonNode jsonc(Path file) throws Exception {
        return JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA)
                .build().readTree(Files.readString(file));
    }
}

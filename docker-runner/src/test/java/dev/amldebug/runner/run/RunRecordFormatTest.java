package dev.amldebug.runner.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.amldebug.runner.deploy.ModelRef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run.json is a contract: records written by earlier versions (src/test/resources/run-records) read and write alike. */
class RunRecordFormatTest {
    private static final ObjectMapper TREES = new ObjectMapper();

    @TempDir
    Path workspace;

    /** Puts the fixture where the store keeps run {@code id}, and reads it through the store. */
    private RunRecord stored(String fixture, String id) throws IOException {
        RunStore store = new RunStore(workspace);
        Files.createDirectories(store.dir(id));
        Files.write(store.dir(id).resolve("run.json"), fixture(fixture));
        return store.read(id);
    }

    /** What the store writes back after a change that changes nothing. */
    private byte[] rewritten(String id) throws IOException {
        RunStore store = new RunStore(workspace);
        store.update(id, record -> { });
        return Files.readAllBytes(store.dir(id).resolve("run.json"));
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = RunRecordFormatTest.class.getResourceAsStream("/run-records/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private void assertWrittenBackUnchanged(String fixture, String id) throws IOException {
        byte[] written = rewritten(id);
        assertThat(TREES.readTree(written)).isEqualTo(TREES.readTree(fixture(fixture)));
        assertThat(new String(written, "UTF-8")).isEqualTo(new String(fixture(fixture), "UTF-8"));
    }

    @Test
    void readsAnEarlierCommandRunWithEveryPartEmpty() throws IOException {
        RunRecord record = stored("command.json", "fixtures_1_command");
        assertThat(record.kind).isEqualTo(RunKind.command);
        assertThat(record.status).isEqualTo(RunStatus.Failed);
        assertThat(record.startedAt).isEqualTo(Instant.parse("2025-06-01T10:00:05.123Z"));
        assertThat(record.replayOf).isEqualTo("my-workspace/clever_job_42");
        assertThat(record.debugEndpoint).isEqualTo("127.0.0.1:50123");
        assertThat(record.ownerPid).isEqualTo(4242L);
        assertThat(record.cancelRequested).isTrue();
        assertThat(record.postMortem).isEqualTo("ZeroDivisionError: division by zero");
        assertThat(record.deployment().health()).isNull();
        assertThat(record.deployment().restartRequested()).isFalse();
        assertThat(record.step().isStep()).isFalse();
        assertThat(record.pipeline().steps()).isEmpty();
        assertThat(record.distributed().nodeContainerIds()).isEmpty();
        assertWrittenBackUnchanged("command.json", "fixtures_1_command");
    }

    @Test
    void readsAnEarlierDistributedRunIntoItsPart() throws IOException {
        RunRecord record = stored("distributed.json", "fixtures_2_distributed");
        assertThat(record.kind).isEqualTo(RunKind.distributed);
        assertThat(record.detached).isTrue();
        assertThat(record.exitCode).isEqualTo(3);
        DistributedPart distributed = record.distributed();
        assertThat(distributed).extracting(DistributedPart::distribution, DistributedPart::nodes, DistributedPart::ranks,
                DistributedPart::nodeContainerIds, DistributedPart::failedRank)
                .containsExactly("pytorch", 2, 4, List.of("node0aaaa", "node1bbbb"), 1);
        assertThat(distributed.nodeOf(1)).isZero();
        assertThat(distributed.nodeOf(2)).isEqualTo(1);
        assertWrittenBackUnchanged("distributed.json", "fixtures_2_distributed");
    }

    @Test
    void readsAnEarlierPipelineWithItsStepsInOrder() throws IOException {
        RunRecord record = stored("pipeline.json", "fixtures_3_pipeline");
        assertThat(record.kind).isEqualTo(RunKind.pipeline);
        assertThat(record.pipeline().steps()).containsExactly(Map.entry("prep", "fixtures_4_prep"),
                Map.entry("train", "fixtures_5_train"));
        assertThat(record.pipeline().stepRunId("train")).isEqualTo("fixtures_5_train");
        assertThat(record.image).isNull();
        assertWrittenBackUnchanged("pipeline.json", "fixtures_3_pipeline");
    }

    @Test
    void readsAnEarlierPipelineStepIntoItsPart() throws IOException {
        RunRecord record = stored("step.json", "fixtures_5_train");
        assertThat(record.kind).isEqualTo(RunKind.command);
        assertThat(record.step().isStep()).isTrue();
        assertThat(record.step()).extracting(StepPart::parentId, StepPart::stepName, StepPart::reuseKey,
                StepPart::reusedFrom, StepPart::outputsHash)
                .containsExactly("fixtures_3_pipeline", "train", "sha256:aaaa", "fixtures_0_train", "sha256:bbbb");
        RunStore store = new RunStore(workspace);
        assertThat(store.outputsOf(record)).isEqualTo(store.outputs("fixtures_0_train"));
        assertWrittenBackUnchanged("step.json", "fixtures_5_train");
    }

    @Test
    void readsAnEarlierDeploymentIntoItsPart() throws IOException {
        RunRecord record = stored("deployment.json", "fixtures_6_deployment");
        assertThat(record.kind).isEqualTo(RunKind.deployment);
        assertThat(record.deployment()).extracting(DeploymentPart::health, DeploymentPart::scoringUri,
                DeploymentPart::restartRequested, DeploymentPart::scriptDebugEndpoint, DeploymentPart::model)
                .containsExactly(DeploymentHealth.Healthy, "http://127.0.0.1:8000/score", true, "127.0.0.1:5679",
                        new ModelRef(Path.of("/home/me/project/model.pkl"), "model", "3"));
        assertWrittenBackUnchanged("deployment.json", "fixtures_6_deployment");
    }

    @Test
    void readsARecordFromBeforeKindsAsACommandRunAndIgnoresFieldsItDoesNotKnow() throws IOException {
        RunRecord record = stored("legacy-command.json", "fixtures_0_legacy");
        assertThat(record.kind).isEqualTo(RunKind.command);
        assertThat(record.containerId).isEqualTo("legacy0123");
        assertThat(record.step().isStep()).isFalse();
        JsonNode written = TREES.readTree(rewritten("fixtures_0_legacy"));
        assertThat(fieldNames(written)).containsExactly("id", "kind", "experiment", "status", "createdAt", "image",
                "exitCode", "containerId", "detached", "cancelRequested", "restartRequested");
    }

    @Test
    void emptyPartsWriteNothingButTheFlagEveryRecordHasAlwaysHad() throws IOException {
        RunRecord record = new RunRecord();
        record.id = "fixtures_7_new";
        record.status = RunStatus.Queued;
        RunStore store = new RunStore(workspace);
        store.create(record);
        JsonNode written = TREES.readTree(store.dir(record.id).resolve("run.json").toFile());
        assertThat(fieldNames(written)).containsExactly("id", "kind", "status", "detached", "cancelRequested",
                "restartRequested");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}

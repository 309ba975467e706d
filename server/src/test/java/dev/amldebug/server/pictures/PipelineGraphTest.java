package dev.amldebug.server.pictures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.run.RunKind;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStatus;
import dev.amldebug.runner.run.RunStore;
import dev.amldebug.server.pictures.PipelineGraph.Edge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A diamond pipeline (a feeds b and c, both feed d): arrows from the YAML's bindings, boxes from the runs. */
class PipelineGraphTest {
    private static final String DIAMOND = """
            type: pipeline
            experiment_name: diamond
            jobs:
              a:
                command: echo a > ${{outputs.table}}
                environment: {image: python:3.11}
                outputs: {table: {type: uri_folder}}
              b:
                command: cat ${{inputs.rows}} > ${{outputs.left}}
                environment: {image: python:3.11}
                inputs: {rows: '${{parent.jobs.a.outputs.table}}'}
                outputs: {left: {type: uri_folder}}
              c:
                command: cat ${{inputs.rows}} > ${{outputs.right}}
                environment: {image: python:3.11}
                inputs: {rows: '${{parent.jobs.a.outputs.table}}'}
                outputs: {right: {type: uri_folder}}
              d:
                command: cat ${{inputs.l}} ${{inputs.r}}
                environment: {image: python:3.11}
                inputs: {l: '${{parent.jobs.b.outputs.left}}', r: '${{parent.jobs.c.outputs.right}}', n: 3}
            """;

    @TempDir
    Path workspace;
    private RunStore store;

    @BeforeEach
    void setUp() {
        store = new RunStore(workspace);
    }

    private void run(String id, RunStatus status, String pipeline, String step) {
        RunRecord record = new RunRecord();
        record.id = id;
        record.experiment = "diamond";
        record.status = status;
        record.createdAt = Instant.now();
        store.create(record);
        if (step != null) {
            store.update(id, r -> r.step().placeIn(pipeline, step));
        }
    }

    private void pipeline(Path yaml) {
        run("diamond_1", RunStatus.Running, null, null);
        run("diamond_a", RunStatus.Completed, "diamond_1", "a");
        run("diamond_b", RunStatus.Running, "diamond_1", "b");
        run("diamond_c", RunStatus.Failed, "diamond_1", "c");
        store.update("diamond_a", r -> r.step().setReusedFrom("diamond_0_a"));
        store.update("diamond_c", r -> r.error = "exit code 1");
        store.update("diamond_1", r -> {
            r.kind = RunKind.pipeline;
            r.source = yaml.toString();
            r.pipeline().addStep("a", "diamond_a");
            r.pipeline().addStep("b", "diamond_b");
            r.pipeline().addStep("c", "diamond_c");
        });
    }

    @Test
    void arrowsFollowTheBindingsAndBoxesShowEachStepsState() throws IOException {
        Path yaml = Files.writeString(workspace.resolve("pipeline.yml"), DIAMOND);
        pipeline(yaml);

        PipelineGraph.View graph = new PipelineGraph(store).read("diamond_1");

        assertThat(graph.edges()).containsExactly(new Edge("a", "b", "table → rows"), new Edge("a", "c", "table → rows"),
                new Edge("b", "d", "left → l"), new Edge("c", "d", "right → r"));
        assertThat(graph.steps()).extracting(PipelineGraph.Step::name, PipelineGraph.Step::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "reused"),
                        org.assertj.core.groups.Tuple.tuple("b", "running"),
                        org.assertj.core.groups.Tuple.tuple("c", "failed"),
                        org.assertj.core.groups.Tuple.tuple("d", "notStarted"));
        assertThat(graph.steps().get(2).error()).isEqualTo("exit code 1");
        assertThat(graph.steps().get(1).logUri()).isEqualTo(store.driverLog("diamond_b").toUri().toString());
        assertThat(graph.active()).isTrue();
        assertThat(graph.note()).isNull();
    }

    @Test
    void aPipelineWhoseYamlIsGoneStillShowsItsStepsAndSaysWhyNoArrows() {
        pipeline(workspace.resolve("gone.yml"));

        PipelineGraph.View graph = new PipelineGraph(store).read("diamond_1");

        assertThat(graph.steps()).extracting(PipelineGraph.Step::name).containsExactly("a", "b", "c");
        assertThat(graph.edges()).isEmpty();
        assertThat(graph.note()).contains("gone.yml", "does not read");
    }

    @Test
    void aRunThatIsNoPipelineIsRefusedWithASentence() {
        run("plain_1", RunStatus.Completed, null, null);

        assertThatThrownBy(() -> new PipelineGraph(store).read("plain_1")).isInstanceOf(AmlDebugException.class)
                .hasMessage("Run plain_1 is no pipeline run: pick a pipeline run for its graph.");
    }
}

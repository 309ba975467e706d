package dev.amldebug.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.amldebug.azurefake.jobs.FakeJob;
import dev.amldebug.server.testing.FakeJobs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Remote step debugging, for real: a two-step pipeline (prep writes a table, train reads it) is submitted with
 * --debug-step train; the fake runs each step as a child run in a container on the pipeline's network; the tool finds
 * the train step in run history, reads the shim's endpoint line in its log, attaches to the container's address, stops
 * at a breakpoint, continues, and the pipeline completes.
 */
public class AzurePipelineDebugIT extends FakeComputeCliTest {

    public static final String PREP = """
            import argparse, os
            parser = argparse.ArgumentParser()
            parser.add_argument("--rows")
            parser.add_argument("--table")
            args = parser.parse_args()
            os.makedirs(args.table, exist_ok=True)
            with open(os.path.join(args.table, "table.csv"), "w") as out:
                out.write("\\n".join(str(i) for i in range(int(args.rows))))
            print("prep wrote", args.rows, "rows", flush=True)
            """;
    public static final String TRAIN = """
            import argparse, os
            parser = argparse.ArgumentParser()
            parser.add_argument("--table")
            parser.add_argument("--model")
            args = parser.parse_args()
            rows = open(os.path.join(args.table, "table.csv")).read().splitlines()
            count = len(rows)
            print("trained on", count, "rows", flush=True)
            os.makedirs(args.model, exist_ok=True)
            open(os.path.join(args.model, "model.txt"), "w").write(str(count))
            """;
    public static final String PIPELINE = """
            type: pipeline
            experiment_name: remote-debug
            settings:
              default_compute: azureml:cpu-cluster
            inputs:
              rows: 3
            outputs:
              trained_model:
                type: uri_folder
            jobs:
              prep:
                type: command
                code: src/prep
                command: python prep.py --rows ${{inputs.rows}} --table ${{outputs.table}}
                environment_variables:
                  PYTHONPATH: nodebugpy
                inputs:
                  rows: ${{parent.inputs.rows}}
                outputs:
                  table:
                    type: uri_folder
                environment:
                  image: aml-debug/python:bookworm
              train:
                type: command
                code: src/train
                command: python train.py --table ${{inputs.table}} --model ${{outputs.model}}
                inputs:
                  table: ${{parent.jobs.prep.outputs.table}}
                outputs:
                  model: ${{parent.outputs.trained_model}}
                environment:
                  image: aml-debug/python:bookworm
            """;

    @BeforeEach
    void writePipeline() throws Exception {
        writePipeline(folder);
    }

    /** The two-step pipeline and its code under {@code folder}; prep's environment acts as one without debugpy. */
    public static void writePipeline(Path folder) throws java.io.IOException {
        Files.createDirectories(folder.resolve("src/prep/nodebugpy"));
        Files.createDirectories(folder.resolve("src/train"));
        Files.writeString(folder.resolve("src/prep/prep.py"), PREP);
        // Stands in for an environment without debugpy (the fake's image has it): importing it fails as a missing one does.
        Files.writeString(folder.resolve("src/prep/nodebugpy/debugpy.py"), "raise ImportError(\"No module named 'debugpy'\")\n");
        Files.writeString(folder.resolve("src/train/train.py"), TRAIN);
        Files.writeString(folder.resolve("pipeline.yml"), PIPELINE);
    }

    @Test
    void submitDebugsTheChosenStepOnTheComputeStopsAtABreakpointAndThePipelineCompletes() throws Exception {
        JarProcess submit = JarProcess.startIn(folder, environment, "azure", "submit", "pipeline.yml", "--debug-step", "train",
                "--break", "train.py:8", "--wait-timeout", "120", "--folder", folder.toString());
        int exit = submit.waitFor(300);

        String pipeline = jobName(submit.output());
        assertThat(submit.output()).contains("debugpy: 1", "(step train, run " + pipeline + "_train",
                "stopped at train.py:8 in <module>", "  count = 3", pipeline + ": Completed");
        assertThat(exit).as(submit.output()).isZero();
        assertThat(fake.workspace().jobs.find(pipeline).orElseThrow().status).isEqualTo("Completed");
        List<FakeJob> steps = fake.workspace().jobs.children(pipeline);
        assertThat(steps).extracting(step -> step.displayName + ":" + step.status).containsExactly("prep:Completed", "train:Completed");
        assertThat(log(pipeline + "_train", "user_logs/std_log.txt")).contains("AML_DEBUG_ENDPOINT {\"host\": \"1", "\"cwd\": \"/mnt/azureml/cr/j/",
                "Debugger attached = True", "trained on 3 rows");
        assertThat(folder.resolve("src/train")).isDirectoryNotContaining(path -> path.getFileName().toString().equals(".aml_debug"));
    }

    @Test
    void aDebugStepWithoutDebugpySaysSoInItsLogAndRunsOnWithoutADebugger() throws Exception {
        JarProcess submit = JarProcess.startIn(folder, environment, "azure", "submit", "pipeline.yml", "--debug-step", "prep",
                "--folder", folder.toString());
        int exit = submit.waitFor(300);

        String pipeline = jobName(submit.output());
        assertThat(submit.output()).contains("ended (Completed) without starting debugpy", pipeline + ": Completed");
        assertThat(exit).as(submit.output()).isZero();
        assertThat(log(pipeline + "_prep", "user_logs/std_log.txt")).contains("debugpy is not installed in this environment", "--install-debugpy",
                "prep wrote 3 rows");
        FakeJobs.awaitStatus(fake, pipeline, "Completed", Duration.ofSeconds(30));
    }
}

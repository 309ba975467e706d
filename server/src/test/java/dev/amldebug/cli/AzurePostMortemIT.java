package dev.amldebug.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.azurefake.FakeAzureMl;
import dev.amldebug.runner.testing.FailingScript;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * azure submit --post-mortem, for real: the fake runs a two-step pipeline; prep completes, train raises an exception it
 * does not handle and its shim holds it; the tool sees the shim's post-mortem line in the step's log, attaches the
 * console debugger to that process, which stops at the raising frame with its locals; then the step fails with the
 * script's exit code, and so does the pipeline.
 */
class AzurePostMortemIT extends FakeComputeCliTest {
    @BeforeEach
    void signIn() throws Exception {
        AzurePipelineDebugIT.writePipeline(folder);
        Files.writeString(folder.resolve("src/train/train.py"), FailingScript.DIVIDE);
        Files.writeString(folder.resolve("pipeline.yml"), AzurePipelineDebugIT.PIPELINE.replace("PYTHONPATH: nodebugpy", "X: y"));
    }

    @Test
    void aStepThatRaisesIsHeldAndTheConsoleStopsWhereItRaisedThenThePipelineFails() throws Exception {
        JarProcess submit = JarProcess.startIn(folder, environment, "azure", "submit", "pipeline.yml", "--post-mortem",
                "--post-mortem-timeout", "120", "--folder", folder.toString());
        int exit = submit.waitFor(300);

        String output = submit.output();
        String pipeline = jobName(output);
        assertThat(output).contains("raised " + FailingScript.EXCEPTION + " and waits for the debugger",
                "stopped at train.py:2 in divide", "  total = 0.75", "train: Failed", pipeline + ": Failed");
        assertThat(exit).as(output).isEqualTo(1);
        String log = log(pipeline + "_train", "user_logs/std_log.txt");
        assertThat(log).contains("Waiting for a debugger to inspect " + FailingScript.EXCEPTION, "Traceback");
        assertThat(output).doesNotContain("prep stopped");
    }
}

package dev.amldebug.cli;

import static dev.amldebug.runner.testing.DockerResources.BASE_IMAGE;
import static dev.amldebug.runner.testing.Projects.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStatus;
import dev.amldebug.runner.run.RunStore;
import dev.amldebug.runner.testing.DockerResources;
import dev.amldebug.server.testing.PipelineProjects;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** `aml-debug run pipeline.yml` with real containers: data between steps, reuse, failures. */
@ExtendWith(DockerResources.class)
class PipelineRunIT {
    private static final Pattern RUN_ID = Pattern.compile("run: (\\S+)");

    @TempDir
    Path workspace;
    @TempDir
    Path project;

    private static String runId(Cli cli) {
        Matcher matcher = RUN_ID.matcher(cli.out);
        assertThat(matcher.find()).as(cli.toString()).isTrue();
        return matcher.group(1);
    }

    @Test
    void stepsPassDataAndTheSecondRunReusesThemButForceRerunDoesNot() {
        Path pipeline = PipelineProjects.pipeline(project, BASE_IMAGE, 0, false, 0);
        RunStore store = new RunStore(workspace);

        Cli first = Cli.run("run", pipeline.toString(), "--folder", workspace.toString());
        assertThat(first.exitCode).as(first.toString()).isZero();
        assertThat(first.out).startsWith("run: pipe-it_").contains("step prep: Running", "step prep: Completed\n",
                "[prep] prep wrote 4 rows", "[train] train sum 10", "step train: Completed\n", "[report] report read done");
        RunRecord pipelineRun = store.read(runId(first));
        String train = pipelineRun.pipeline().stepRunId("train");
        assertThat(pipelineRun.status).isEqualTo(RunStatus.Completed);
        assertThat(pipelineRun.pipeline().steps()).containsOnlyKeys("prep", "train", "other", "report");
        assertThat(store.read(train).step().parentId()).isEqualTo(pipelineRun.id);
        assertThat(read(store.outputs(train).resolve("model/model.txt"))).isEqualTo("sum=10\n");

        Cli second = Cli.run("run", pipeline.toString(), "--folder", workspace.toString());
        assertThat(second.exitCode).as(second.toString()).isZero();
        assertThat(second.out).contains("step prep: Completed (reused " + pipelineRun.pipeline().stepRunId("prep") + ")",
                "step train: Completed (reused " + train + ")").doesNotContain("[train] train sum");
        RunRecord reusedTrain = store.read(store.read(runId(second)).pipeline().stepRunId("train"));
        assertThat(reusedTrain.step().reusedFrom()).isEqualTo(train);
        assertThat(read(store.controlLog(reusedTrain.id))).contains("Reused the outputs of " + train
                + " (unchanged code, command, environment and inputs)");
        assertThat(store.outputsOf(reusedTrain).resolve("model/model.txt")).exists();

        Cli forced = Cli.run("run", pipeline.toString(), "--force-rerun", "--folder", workspace.toString());
        assertThat(forced.exitCode).as(forced.toString()).isZero();
        assertThat(forced.out).doesNotContain("reused").contains("[train] train sum 10");

        Cli list = Cli.run("runs", "list", "--folder", workspace.toString());
        assertThat(list.out).contains(pipelineRun.id, "  prep ", "  train (reused)");
        assertThat(list.out).as("steps are listed under their pipeline only").doesNotContain(train);
        Cli show = Cli.run("runs", "show", pipelineRun.id, "--folder", workspace.toString());
        assertThat(show.out).contains("steps:", "train", train, "Completed");
    }

    @Test
    void editedOrDeletedOutputsOfACompletedStepAreNeverReused() throws Exception {
        Path pipeline = PipelineProjects.pipeline(project, BASE_IMAGE, 0, false, 0);
        RunStore store = new RunStore(workspace);
        Cli first = Cli.run("run", pipeline.toString(), "--folder", workspace.toString());
        assertThat(first.exitCode).as(first.toString()).isZero();
        RunRecord firstRun = store.read(runId(first));
        java.nio.file.Files.writeString(store.outputs(firstRun.pipeline().stepRunId("train")).resolve("model/model.txt"), "edited\n");

        Cli second = Cli.run("run", pipeline.toString(), "--folder", workspace.toString());

        assertThat(second.exitCode).as(second.toString()).isZero();
        assertThat(second.out).contains("step prep: Completed (reused " + firstRun.pipeline().stepRunId("prep") + ")",
                "[train] train sum 10").doesNotContain("step train: Completed (reused");
        RunRecord secondTrain = store.read(store.read(runId(second)).pipeline().stepRunId("train"));
        assertThat(read(store.outputsOf(secondTrain).resolve("model/model.txt"))).isEqualTo("sum=10\n");
    }

    @Test
    void aFailedStepStopsItsDependentsAndTheStepsNotStarted() {
        Path pipeline = PipelineProjects.pipeline(project, BASE_IMAGE, 3, false, 6);
        Cli cli = Cli.run("run", pipeline.toString(), "--folder", workspace.toString());

        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(1);
        assertThat(cli.out).contains("step prep: Failed", "step train: Canceled (step prep failed, and this step needs"
                + " its outputs)", "step report: Canceled (step prep failed (set settings.continue_on_step_failure",
                "step other: Completed");
        RunStore store = new RunStore(workspace);
        RunRecord run = store.read(runId(cli));
        assertThat(run.status).isEqualTo(RunStatus.Failed);
        assertThat(run.error).isEqualTo("Steps failed: prep");
        assertThat(cli.err).contains("Steps failed: prep");
        assertThat(store.read(run.pipeline().stepRunId("train")).error).startsWith("Not run: step prep failed");
    }

    @Test
    void withContinueOnStepFailureTheStepsThatDoNotNeedTheFailedOneGoOn() {
        Path pipeline = PipelineProjects.pipeline(project, BASE_IMAGE, 3, true, 6);
        Cli cli = Cli.run("run", pipeline.toString(), "--folder", workspace.toString());

        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(1);
        assertThat(cli.out).contains("step prep: Failed", "step train: Canceled (step prep failed",
                "step other: Completed", "step report: Completed", "[report] report read done");
        assertThat(new RunStore(workspace).read(runId(cli)).error).isEqualTo("Steps failed: prep");
    }
}

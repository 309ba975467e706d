package dev.amldebug.cli;

import static dev.amldebug.runner.testing.Projects.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pipeline's mistakes reach the command line as file:line:column and exit 2, before any Docker or run. */
class PipelineCliTest {
    @TempDir
    Path workspace;
    @TempDir
    Path project;

    private static final String STEP = """
              %s:
                command: echo ${{inputs.x}} > ${{outputs.o}}
                inputs:
                  x: ${{parent.jobs.%s.outputs.o}}
                outputs: {o: {type: uri_folder}}
                environment: {image: python:3.11}
            """;

    @Test
    void aCycleIsBadInputWithItsStepsAndWhereTheyBind() {
        Path file = write(project, "pipeline.yml", "type: pipeline\njobs:\n" + STEP.formatted("a", "b")
                + STEP.formatted("b", "a"));
        Cli cli = Cli.run("run", file.toString(), "--folder", workspace.toString());
        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(2);
        assertThat(cli.err).containsPattern("pipeline\\.yml:\\d+:\\d+: steps a -> b -> a bind to each other's outputs"
                + " in a cycle");
        assertThat(Files.exists(workspace.resolve(".azureml/runs"))).as("nothing was queued").isFalse();
    }

    @Test
    void aBindingToAStepThatDoesNotExistNamesTheSteps() {
        Path file = write(project, "pipeline.yml", "type: pipeline\njobs:\n" + STEP.formatted("a", "missing"));
        Cli cli = Cli.run("run", file.toString(), "--folder", workspace.toString());
        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(2);
        assertThat(cli.err).containsPattern("pipeline\\.yml:6:10: there is no step named 'missing'")
                .contains("the steps are: a");
    }

    @Test
    void anUnknownDebugStepNamesTheSteps() {
        Path file = write(project, "pipeline.yml", """
                type: pipeline
                jobs:
                  a:
                    command: echo hi
                    environment: {image: python:3.11}
                """);
        Cli cli = Cli.run("run", file.toString(), "--debug-step", "b", "--folder", workspace.toString());
        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(2);
        assertThat(cli.err).contains("no step named 'b'");
    }

    @Test
    void pipelineFlagsOnACommandJobSayWhatToUseInstead() {
        Path script = write(project, "hello.py", "print('hi')\n");
        Cli cli = Cli.run("run", script.toString(), "--debug-step", "a", "--folder", workspace.toString());
        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(2);
        assertThat(cli.err).contains("--debug-step and --force-rerun are for pipeline jobs");
    }
}

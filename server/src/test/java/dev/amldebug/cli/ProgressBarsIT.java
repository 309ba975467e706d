package dev.amldebug.cli;

import static dev.amldebug.runner.testing.Projects.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.runner.testing.DockerResources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar building a small image and waiting for a debugger, once under a real pseudo-terminal (util-linux's
 * {@code script}), where progress is drawn as bars, and once through a pipe, where it is plain lines.
 */
@ExtendWith(DockerResources.class)
class ProgressBarsIT {
    @TempDir
    Path workspace;
    @TempDir
    Path project;

    @Test
    void onATerminalTheBuildIsABarAndTheWaitForADebuggerASpinner() throws Exception {
        String output = underTerminal(runOf(job("tty")));

        assertThat(output).contains("\r\u001b[KBuilding image", " steps", "[=", "Waiting for a debugger on 127.0.0.1:",
                " of 2 s", "hello from the script");
        assertThat(output).doesNotContain("Building image: step ");
        // The bar stands for the build's own lines (they stay in the control log).
        assertThat(output).doesNotContain("RUN echo tty-");
    }

    @Test
    void throughAPipeProgressIsPlainLinesWithNoCarriageReturnOrEscape() throws Exception {
        Process jar = JarProcess.builder(runOf(job("pipe")).toArray(String[]::new)).redirectErrorStream(true).start();
        jar.getOutputStream().close();
        String output = finished(jar);

        assertThat(output).contains("Building image: step 1/", "Building image: step 2/",
                "Waiting for a debugger on 127.0.0.1:", "(up to 2 s)", "hello from the script");
        assertThat(output).doesNotContain("\r", "\u001b", " steps (");
        assertThat(output).contains("RUN echo pipe-");
    }

    @Test
    void aPipelineStepsImageBuildIsShownByStepToo() throws Exception {
        job("pipeline");
        Path pipeline = write(project, "pipeline.yml", "type: pipeline\njobs:\n  train:\n    type: command\n"
                + "    command: python t.py\n    code: .\n    environment:\n      build:\n        path: env\n");
        Process jar = JarProcess.builder("run", pipeline.toString(), "--folder", workspace.toString())
                .redirectErrorStream(true).start();
        jar.getOutputStream().close();
        String output = finished(jar);

        assertThat(output).contains("Building image for step train: step 1/", "Building image for step train: step 2/",
                "[train] hello from the script", "step train: Completed");
        assertThat(output).doesNotContain("\r", "\u001b");
    }

    /** A job whose environment is a Dockerfile of its own (a fresh image for each test). */
    private Path job(String token) {
        write(project, "env/Dockerfile", "FROM " + DockerResources.BASE_IMAGE + "\nRUN echo " + token + "-" + System.nanoTime()
                + "\nRUN true\n");
        write(project, "t.py", "print('hello from the script')\n");
        return write(project, "job.yml", "command: python t.py\ncode: .\nenvironment:\n  build:\n    path: env\n");
    }

    private List<String> runOf(Path job) {
        return List.of("run", job.toString(), "--folder", workspace.toString(), "--debug", "--wait-timeout", "2");
    }

    /** The jar run by {@code script -qfec COMMAND /dev/null}: its stdin, stdout and stderr a real terminal. */
    private static String underTerminal(List<String> args) throws Exception {
        Process process = JarProcess.underTerminal(Map.of(), "", args.toArray(String[]::new));
        process.getOutputStream().close();
        return finished(process);
    }

    private static String finished(Process process) throws IOException, InterruptedException {
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }
}

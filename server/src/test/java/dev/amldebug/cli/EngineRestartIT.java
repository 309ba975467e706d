package dev.amldebug.cli;

import static dev.amldebug.runner.testing.DockerResources.BASE_IMAGE;
import static dev.amldebug.runner.testing.Projects.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.runner.testing.DockerResources;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine after a restart (scripts/setup-engine.sh --restart stops the dockerd it started and starts it again): a
 * debug run and a distributed debug run through the hub still work. It restarts the machine's engine, which stops every
 * container on it, so it runs only where that is wanted: scripts/test.sh sets AML_DEBUG_TEST_ENGINE_RESTART=1.
 */
@EnabledIfEnvironmentVariable(named = "AML_DEBUG_TEST_ENGINE_RESTART", matches = "1")
@ExtendWith(DockerResources.class)
class EngineRestartIT {
    @TempDir
    Path workspace;
    @TempDir
    Path project;

    @Test
    void afterARestartADebugRunAndADistributedDebugRunStillStop() throws Exception {
        Process restart = new ProcessBuilder("bash", "../scripts/setup-engine.sh", "--restart").redirectErrorStream(true)
                .start();
        String restarted = new String(restart.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(restart.waitFor()).as(restarted).isZero();
        assertThat(restarted).contains("Docker engine is up.");
        Path script = write(project, "w.py", "x = 41\nprint('x is', x + 1)\n");
        write(project, "train.py", "import os\nrank = int(os.environ['RANK'])\nprint('rank', rank, 'done')\n");
        Path job = write(project, "job.yml", """
                type: command
                command: python train.py
                environment: {image: %s}
                distribution: {type: pytorch, process_count_per_instance: 2}
                resources: {instance_count: 1}
                """.formatted(BASE_IMAGE));

        JarProcess debug = JarProcess.start("run", script.toString(), "--break", "w.py:2", "--folder", workspace.toString());
        assertThat(debug.waitFor(120)).as(debug.output()).isZero();
        JarProcess ranks = JarProcess.start("run", job.toString(), "--break", "train.py:3", "--folder", workspace.toString());
        assertThat(ranks.waitFor(120)).as(ranks.output()).isZero();

        assertThat(debug.output()).contains("stopped at w.py:2", "x = 41", "x is 42");
        assertThat(ranks.output()).contains("rank 0 stopped at train.py:3", "rank 1 stopped at train.py:3");
    }
}

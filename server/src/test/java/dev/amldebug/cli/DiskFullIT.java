package dev.amldebug.cli;

import static dev.amldebug.runner.testing.Projects.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStatus;
import dev.amldebug.runner.run.RunStore;
import dev.amldebug.runner.testing.DockerResources;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose workspace fills up (a 1 MB tmpfs, mounted by the test: CI runs as root): it ends Failed with "no space
 * left on ...", no stack trace, its container removed, and the run list still works.
 */
@ExtendWith(DockerResources.class)
class DiskFullIT {
    @TempDir
    Path workspace;
    @TempDir
    Path project;

    @BeforeEach
    void mountATinyDisk() throws Exception {
        assertThat(new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", workspace.toString())
                .inheritIO().start().waitFor()).as("mounting a tmpfs needs root").isZero();
    }

    @AfterEach
    void unmount() throws Exception {
        new ProcessBuilder("umount", workspace.toString()).inheritIO().start().waitFor();
    }

    @Test
    void aRunThatFillsTheDiskEndsFailedSayingSoAndLeavesNothingRunning() throws Exception {
        Path script = write(project, "big.py", "for i in range(40000):\n    print('line', i, 'x' * 60)\nprint('done')\n");

        JarProcess run = JarProcess.start("run", script.toString(), "--folder", workspace.toString());
        int exit = run.waitFor(180);
        JarProcess list = JarProcess.start("runs", "list", "--folder", workspace.toString());

        String output = run.output();
        assertThat(exit).isEqualTo(1);
        assertThat(output).contains("failed:  no space left on " + workspace.resolve(".azureml/runs"))
                .doesNotContain("\tat ", "Exception");
        assertThat(list.waitFor(60)).as(list.output()).isZero();
        List<RunRecord> runs = new RunStore(workspace).list();
        assertThat(runs).singleElement().satisfies(record -> {
            assertThat(record.status).isEqualTo(RunStatus.Failed);
            assertThat(DockerResources.docker().listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of("dev.amldebug.run-id", record.id)).exec()).isEmpty();
        });
    }
}

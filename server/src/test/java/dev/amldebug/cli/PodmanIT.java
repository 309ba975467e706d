package dev.amldebug.cli;

import static dev.amldebug.runner.testing.Projects.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.runner.run.RunStatus;
import dev.amldebug.runner.run.RunStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * aml-debug against Podman 4.3's Docker-compatible API ({@code scripts/setup-podman.sh} starts it), as far as this
 * machine kind lets Podman go: it answers, lists and builds, but runc cannot start a container here (rlimits), so a
 * run stops at its image build. What is checked: every call up to there speaks Podman's dialect, the failure is one
 * sentence with the build's step, the run is recorded Failed, and nothing of ours is left in Podman.
 */
class PodmanIT {
    private static final String SOCKET = "/run/podman/podman.sock";
    private static final Map<String, String> PODMAN = Map.of("DOCKER_HOST", "unix://" + SOCKET);
    private static final String TINY = "localhost/aml-debug-test/tiny:latest";
    private static final Pattern RUN_ID = Pattern.compile("run: (\\S+)");

    @TempDir
    Path workspace;
    @TempDir
    Path project;

    @BeforeAll
    static void importATinyImage(@TempDir Path rootfs) throws Exception {
        assertThat(Path.of(SOCKET)).as("Podman's API: run scripts/setup-podman.sh").exists();
        Files.writeString(rootfs.resolve("hello"), "hi\n");
        Process tar = new ProcessBuilder("sh", "-c", "tar -C " + rootfs + " -c . | podman import --change"
                + " 'LABEL dev.amldebug.test-fixture=true' - " + TINY).redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tar.waitFor()).as(output).isZero();
    }

    @AfterAll
    static void removeTheTinyImage() throws Exception {
        podman("rmi", "--force", TINY);
    }

    @Test
    void theImageListAnswersThroughPodmansSocket() throws Exception {
        JarProcess images = JarProcess.start(PODMAN, "images", "list");

        assertThat(images.waitFor(60)).as(images.output()).isZero();
        assertThat(images.output()).containsAnyOf("IMAGE", "No aml-debug images").doesNotContain("Exception", "aml-debug:");
    }

    @Test
    void aRunGetsAsFarAsThisMachineLetsPodmanGoAndLeavesNothingBehind() throws Exception {
        Path script = write(project, "w.py", "print('hello')\n");

        JarProcess run = JarProcess.start(PODMAN, "run", script.toString(), "--base-image", TINY,
                "--folder", workspace.toString());

        int exit = run.waitFor(120);
        String output = run.output();
        assertThat(exit).as(output).isEqualTo(ErrorReporter.ENVIRONMENT);
        assertThat(output).contains("aml-debug: Image build failed at", "STEP 3/").doesNotContain("Exception", "\tat ");
        Matcher id = RUN_ID.matcher(output);
        assertThat(id.find()).as(output).isTrue();
        assertThat(new RunStore(workspace).read(id.group(1)).status).isEqualTo(RunStatus.Failed);
        assertThat(podman("ps", "--all", "--quiet", "--filter", "label=dev.amldebug.run-id=" + id.group(1))).isBlank();
        assertThat(podman("network", "ls", "--quiet", "--filter", "label=dev.amldebug.run-id=" + id.group(1))).isBlank();
    }

    private static String podman(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "podman";
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }
}

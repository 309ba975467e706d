package dev.amldebug.cli;

import static dev.amldebug.runner.testing.Projects.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.amldebug.runner.run.DeploymentHealth;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStatus;
import dev.amldebug.runner.run.RunStore;
import dev.amldebug.runner.testing.DockerResources;
import dev.amldebug.runner.testing.FreePorts;
import dev.amldebug.runner.testing.ImageVariants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The journeys on images shaped like the ones users bring (see {@link ImageVariants}): a job that writes into its
 * working folder and its outputs, a debug run stopped at a breakpoint, a deployment scored, a distributed debug run
 * through the hub; and what a user is told when an image cannot start.
 */
@ExtendWith(DockerResources.class)
class ImageMatrixIT {
    private static final Pattern RUN_ID = Pattern.compile("run: (\\S+)");
    private static final String SCRIPT = """
            import os, sys
            x = 41
            with open("model.pkl", "w") as f:
                f.write("m")
            with open("outputs/result.txt", "w") as f:
                f.write(str(x + 1))
            print("wrote", x + 1, "as uid", os.getuid(), "with", sys.executable)
            """;

    @TempDir
    Path workspace;
    @TempDir
    Path project;

    @AfterAll
    static void removeVariants() {
        ImageVariants.removeAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {"python3-only", "conda-path", "non-root", "entrypoint", "no-debugpy-no-pip"})
    void aJobWritesItsWorkingFolderAndOutputsWhileTheSnapshotStaysAsItWas(String variant) throws Exception {
        Path script = write(project, "w.py", SCRIPT);

        Cli run = cli("run", script.toString(), "--base-image", ImageVariants.image(variant));

        assertThat(run.exitCode).as(run.toString()).isZero();
        RunStore store = new RunStore(workspace);
        String id = runId(run);
        assertThat(Files.readString(store.outputs(id).resolve("result.txt"))).isEqualTo("42");
        assertThat(store.workingCopy(id).resolve("model.pkl")).hasContent("m");
        assertThat(store.snapshot(id).resolve("model.pkl")).doesNotExist();
        assertThat(project.resolve("model.pkl")).doesNotExist();
        if (variant.equals("non-root")) {
            assertThat(run.out).contains("as uid 1234");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"python3-only", "conda-path", "non-root", "entrypoint"})
    void aDebugRunStopsAtTheBreakpoint(String variant) throws Exception {
        Path script = write(project, "w.py", SCRIPT);

        JarProcess run = JarProcess.start("run", script.toString(), "--break", "w.py:5", "--base-image",
                ImageVariants.image(variant), "--folder", workspace.toString());

        assertThat(run.waitFor(120)).as(run.output()).isZero();
        assertThat(run.output()).contains("stopped at w.py:5 in <module>", "  x = 41");
    }

    @Test
    void aDebugRunOnAnImageWithoutDebugpyOrPipSaysWhyItRunsWithoutADebugger() throws Exception {
        Path script = write(project, "w.py", SCRIPT);

        JarProcess run = JarProcess.start("run", script.toString(), "--debug", "--no-wait", "--base-image",
                ImageVariants.image("no-debugpy-no-pip"), "--folder", workspace.toString());

        assertThat(run.waitFor(120)).as(run.output()).isZero();
        assertThat(run.output()).contains("debugpy is not in this image, and pip could not add it", "wrote 42")
                .doesNotContain("--install-debugpy");
    }

    @ParameterizedTest
    @ValueSource(strings = {"python3-only", "conda-path", "non-root", "entrypoint"})
    void aDeploymentScores(String variant) throws Exception {
        Path score = write(project, "app/score.py", "def init():\n    pass\n\n\ndef run(raw_data):\n    return {'v': 1}\n");
        Path model = write(project, "m.txt", "w\n");
        Cli up = cli("deploy", "up", "--score", score.toString(), "--model", model.toString(), "--detach",
                "--port", String.valueOf(FreePorts.any()), "--image", ImageVariants.image(variant));
        assertThat(up.exitCode).as(up.toString()).isZero();
        String id = runId(up);
        RunStore store = new RunStore(workspace);
        await().atMost(Duration.ofSeconds(60)).until(() -> store.read(id).deployment().health() == DeploymentHealth.Healthy);

        Cli scored = cli("deploy", "score", id, "--json", "{}");

        assertThat(scored.out).as(scored.toString()).startsWith("200 (").contains("{\"v\": 1}");
        assertThat(cli("deploy", "down", id).exitCode).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"python3-only", "non-root", "entrypoint"})
    void aDistributedDebugRunStopsEveryRankThroughTheHub(String variant) throws Exception {
        write(project, "train.py", "import os\nrank = int(os.environ['RANK'])\nprint('rank', rank, 'done')\n");
        Path job = write(project, "job.yml", """
                type: command
                command: python3 train.py
                environment:
                  image: %s
                distribution: {type: pytorch, process_count_per_instance: 2}
                resources: {instance_count: 1}
                """.formatted(ImageVariants.image(variant)));

        JarProcess run = JarProcess.start("run", job.toString(), "--break", "train.py:3", "--folder", workspace.toString());

        assertThat(run.waitFor(120)).as(run.output()).isZero();
        assertThat(run.output()).contains("rank 0 stopped at train.py:3", "rank 1 stopped at train.py:3");
    }

    @Test
    void anImageWithAzureMlsInferenceServerServesTheDeploymentWithItAndUnderTheDebuggerInOneProcess() throws Exception {
        Path score = write(project, "app/score.py", "import os\n\ndef init():\n    pass\n\n\ndef run(raw_data):\n"
                + "    answer = {'pid': os.getpid()}\n    return answer\n");
        Path model = write(project, "m.txt", "w\n");
        String image = ImageVariants.image("azureml-inference-server");
        RunStore store = new RunStore(workspace);

        Cli plain = cli("deploy", "up", "--score", score.toString(), "--model", model.toString(), "--detach", "--image", image,
                "--port", String.valueOf(FreePorts.any()));
        assertThat(plain.exitCode).as(plain.toString()).isZero();
        String plainId = runId(plain);
        await().atMost(Duration.ofSeconds(60)).until(() -> store.read(plainId).deployment().health() == DeploymentHealth.Healthy);
        assertThat(cli("deploy", "score", plainId, "--json", "{}").out).startsWith("200 (").contains("\"pid\"");
        assertThat(store.driverLog(plainId)).content().contains("Azure ML Inferencing HTTP server v0.0.0+aml-debug-fixture",
                "Scoring server: this image has Azure ML's inference server", "fixture arbiter: forking 1 worker(s)");
        assertThat(cli("deploy", "down", plainId).exitCode).isZero();

        Cli debug = cli("deploy", "up", "--score", score.toString(), "--model", model.toString(), "--detach", "--debug",
                "--image", image, "--port", String.valueOf(FreePorts.any()));
        assertThat(debug.exitCode).as(debug.toString()).isZero();
        String debugId = runId(debug);
        await().atMost(Duration.ofSeconds(60)).until(() -> store.read(debugId).deployment().health() == DeploymentHealth.Healthy);
        JarProcess attach = JarProcess.start("attach", debugId, "--break", "score.py:9", "--folder", workspace.toString());

        // Until the console has set its breakpoint, a request passes; the console continues after each stop.
        await().atMost(Duration.ofSeconds(60)).until(() -> cli("deploy", "score", debugId, "--json", "{}").out.startsWith("200 (")
                && attach.output().contains("stopped at score.py:9 in run"));
        assertThat(store.driverLog(debugId)).content().contains("in this one process so that the debugger keeps its requests")
                .doesNotContain("fixture arbiter: forking");
        assertThat(cli("deploy", "down", debugId).exitCode).isZero();
        attach.waitFor(60);
    }

    @Test
    void aDeploymentWhoseContainerDiesAtStartSaysSoWithItsLastLines() throws Exception {
        Path score = write(project, "app/score.py", "def init():\n    pass\n\n\ndef run(raw_data):\n    return 1\n");
        Path model = write(project, "m.txt", "w\n");

        Cli up = cli("deploy", "up", "--score", score.toString(), "--model", model.toString(),
                "--image", ImageVariants.image("dies-at-start"));

        assertThat(up.exitCode).as(up.toString()).isEqualTo(1);
        // Python exits with 1 when its site module fails to import.
        assertThat(up.err).contains("The container exited with code 1 during start-up",
                "  sitecustomize: the environment is broken").doesNotContain("published no port");
        RunRecord record = new RunStore(workspace).read(runId(up));
        assertThat(record.status).isEqualTo(RunStatus.Failed);
        assertThat(record.exitCode).isEqualTo(1);
        assertThat(new RunStore(workspace).driverLog(record.id)).content().contains("the environment is broken");
        assertThat(cli("deploy", "list").out.lines().filter(line -> line.startsWith(record.id)))
                .singleElement().asString().contains("Failed").doesNotContain("null");
    }

    @Test
    void aDebugRunWhoseContainerDiesAtStartSaysSo() throws Exception {
        Path script = write(project, "w.py", SCRIPT);

        Cli run = cli("run", script.toString(), "--debug", "--no-wait", "--base-image", ImageVariants.image("dies-at-start"));

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).contains("The container exited with code 1 during start-up", "the environment is broken");
    }

    private Cli cli(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--folder";
        all[args.length + 1] = workspace.toString();
        return Cli.run(all);
    }

    private static String runId(Cli cli) {
        Matcher matcher = RUN_ID.matcher(cli.out);
        assertThat(matcher.find()).as(cli.toString()).isTrue();
        return matcher.group(1);
    }
}

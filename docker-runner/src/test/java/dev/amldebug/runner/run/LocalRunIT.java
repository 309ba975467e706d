package dev.amldebug.runner.run;

import dev.amldebug.runner.yaml.SpecException;
import static dev.amldebug.runner.testing.DockerResources.BASE_IMAGE;
import static dev.amldebug.runner.testing.DockerResources.docker;
import static dev.amldebug.runner.testing.Projects.read;
import static dev.amldebug.runner.testing.Projects.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.amldebug.runner.image.BuildFailedException;
import dev.amldebug.runner.image.ImageUsage;
import dev.amldebug.runner.spec.RunSpec;
import dev.amldebug.runner.spec.RunSpecLoader;
import dev.amldebug.runner.testing.DockerResources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(DockerResources.class)
class LocalRunIT {
    @TempDir
    Path workspace;
    @TempDir
    Path project;
    @TempDir
    Path cache;

    private LocalRunner runner;
    private RunStore store;
    private final RunSpecLoader loader = new RunSpecLoader(BASE_IMAGE);

    @BeforeEach
    void setUp() {
        runner = new LocalRunner(docker(), new RunStore(workspace), new ImageUsage(cache));
        store = runner.store();
    }

    private RunRecord run(RunSpec spec) throws InterruptedException {
        String id = runner.queue(spec);
        return runner.start(id, spec, StartOptions.FOREGROUND, RunListener.NONE).await();
    }

    /** An environment no other test shares, so this test decides whether its image exists. */
    private Path uniqueEnvironment(String extraDockerLine) {
        write(project, "docker/Dockerfile", "FROM " + BASE_IMAGE + "\nRUN echo " + UUID.randomUUID() + " > /env-id\n"
                + extraDockerLine + "\n");
        return write(project, "env.yml", "build:\n  path: docker\n");
    }

    @Test
    void runsTheBundledExampleAndKeepsItsOutputsAndLogs() throws Exception {
        RunRecord ended = run(loader.load(Path.of("../examples/digits/job.yml"), null, List.of()));

        assertThat(ended.status).isEqualTo(RunStatus.Completed);
        assertThat(ended.exitCode).isZero();
        assertThat(ended.startedAt).isNotNull();
        assertThat(ended.endedAt).isAfterOrEqualTo(ended.startedAt);
        assertThat(read(store.driverLog(ended.id))).contains("epoch 5: train_accuracy=").contains("final test_accuracy=");
        assertThat(read(store.outputs(ended.id).resolve("metrics.json"))).contains("\"test_accuracy\"");
        assertThat(store.outputs(ended.id).resolve("model.pkl")).isNotEmptyFile();
        assertThat(read(store.controlLog(ended.id))).contains("Started container").contains("exited with code 0");
        assertThat(new RunContainers(docker()).find(ended.id)).as("container removed after the run").isEmpty();
    }

    @Test
    void exitCodePropagatesAndStderrReachesTheDriverLog() throws Exception {
        Path script = write(project, "fail.py", "import sys\nprint('to stderr', file=sys.stderr)\nsys.exit(7)\n");
        RunRecord ended = run(loader.load(script, null, List.of()));
        assertThat(ended.status).isEqualTo(RunStatus.Failed);
        assertThat(ended.exitCode).isEqualTo(7);
        assertThat(read(store.driverLog(ended.id))).contains("to stderr");
    }

    @Test
    void secondRunWithUnchangedEnvironmentBuildsNothingEvenWhenCodeChanges() throws Exception {
        Path env = uniqueEnvironment("");
        Path script = write(project, "hello.py", "print('first')\n");
        RunRecord first = run(loader.load(script, env, List.of()));
        write(project, "hello.py", "print('second')\n");
        RunRecord second = run(loader.load(script, env, List.of()));

        assertThat(second.image).isEqualTo(first.image);
        assertThat(read(store.controlLog(first.id))).contains("Built image " + first.image);
        assertThat(read(store.controlLog(second.id))).contains("Reusing image " + first.image)
                .doesNotContain("Step 1/");
        assertThat(read(store.driverLog(second.id))).contains("second");
    }

    @Test
    void changedEnvironmentBuildsANewImage() throws Exception {
        Path script = write(project, "hello.py", "print(open('/env-id').read())\n");
        RunRecord first = run(loader.load(script, uniqueEnvironment(""), List.of()));
        RunRecord second = run(loader.load(script, uniqueEnvironment(""), List.of()));
        assertThat(second.image).isNotEqualTo(first.image).startsWith("aml-debug/env:");
        assertThat(read(store.driverLog(first.id))).isNotEqualTo(read(store.driverLog(second.id)));
    }

    @Test
    void failingBuildFailsTheRunNamingTheStepWithTheTailOfTheBuild() {
        Path env = uniqueEnvironment("RUN echo boom-before-failing && exit 3");
        Path script = write(project, "hello.py", "print('never')\n");
        RunSpec spec = loader.load(script, env, List.of());
        String id = runner.queue(spec);

        assertThatThrownBy(() -> runner.start(id, spec, StartOptions.FOREGROUND, RunListener.NONE))
                .isInstanceOf(BuildFailedException.class)
                .hasMessageContaining("RUN echo boom-before-failing && exit 3")
                .satisfies(e -> assertThat(((BuildFailedException) e).tail()).anyMatch(l -> l.contains("boom-before-failing")));
        RunRecord record = store.read(id);
        assertThat(record.status).isEqualTo(RunStatus.Failed);
        assertThat(record.error).contains("Image build failed");
        assertThat(read(store.controlLog(id))).contains("Last lines of the build:").contains("boom-before-failing");
    }

    @Test
    void cancellingMidRunKeepsTheLogsAndOutputsWrittenSoFar() throws Exception {
        // The stimulus: a script that runs until cancelled, with an output and a log line written first.
        Path script = write(project, "long.py", """
                import time
                open('outputs/partial.txt', 'w').write('half done')
                print('started', flush=True)
                time.sleep(300)
                print('never printed')
                """);
        RunSpec spec = loader.load(script, null, List.of());
        String id = runner.queue(spec);
        LocalRun run = runner.start(id, spec, StartOptions.FOREGROUND, RunListener.NONE);
        CompletableFuture<RunRecord> ended = CompletableFuture.supplyAsync(() -> {
            try {
                return run.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> read(store.driverLog(id)).contains("started"));

        new RunCanceller(store, new RunContainers(docker())).cancel(id);

        RunRecord record = ended.get();
        assertThat(record.status).isEqualTo(RunStatus.Canceled);
        assertThat(read(store.driverLog(id))).contains("started").doesNotContain("never printed");
        assertThat(read(store.outputs(id).resolve("partial.txt"))).isEqualTo("half done");
        assertThat(read(store.controlLog(id))).contains("Cancel requested");
    }

    @Test
    void theWorkingFolderIsWritableInputsReadOnlyOutputsWritableAndRunVariablesSet() throws Exception {
        write(project, "data/table.csv", "a,b\n1,2\n");
        write(project, "check.py", """
                import os
                print('table:', open(os.environ['TABLE']).read().splitlines()[1])
                for target in ['here.txt', '/aml/inputs/data/x.txt']:
                    try:
                        open(target, 'w')
                        print('writable:', target)
                    except OSError as e:
                        print('read-only:', target)
                open('outputs/ok.txt', 'w').write('ok')
                print('run id:', os.environ['AZUREML_RUN_ID'])
                print('experiment:', os.environ['AZUREML_EXPERIMENT_NAME'], os.environ['GREETING'])
                """);
        Path job = write(project, "job.yml", """
                command: TABLE=${{inputs.data}}/table.csv python check.py
                inputs:
                  data: {type: uri_folder, path: ./data}
                environment: {image: %s}
                environment_variables: {GREETING: hello}
                experiment_name: checks
                """.formatted(BASE_IMAGE));
        RunRecord ended = run(loader.load(job, null, List.of()));

        String log = read(store.driverLog(ended.id));
        assertThat(ended.status).as(log).isEqualTo(RunStatus.Completed);
        assertThat(log).contains("table: 1,2", "writable: here.txt", "read-only: /aml/inputs/data/x.txt",
                "run id: " + ended.id, "experiment: checks hello");
        assertThat(read(store.outputs(ended.id).resolve("ok.txt"))).isEqualTo("ok");
        assertThat(store.workingCopy(ended.id).resolve("here.txt")).exists();
        assertThat(store.snapshot(ended.id).resolve("here.txt")).as("the snapshot stays the record").doesNotExist();
        assertThat(project.resolve("outputs")).as("nothing is written into the code folder").doesNotExist();
        assertThat(project.resolve("here.txt")).as("nothing is written into the code folder").doesNotExist();
        assertThat(read(store.controlLog(ended.id))).contains("Input data comes from " + project.resolve("data")
                + ", outside the workspace; it is mounted read-only.");
    }

    @Test
    void mlflowLogsToTheRunsOwnFolderAndSharedMemoryIsAsAzureMlSetsIt() throws Exception {
        write(project, "log.py", """
                import os
                uri = os.environ['MLFLOW_TRACKING_URI']
                print('tracking:', uri, os.environ['MLFLOW_EXPERIMENT_NAME'])
                store = uri[len('file://'):]
                os.makedirs(store + '/0/run1/metrics', exist_ok=True)
                open(store + '/0/run1/metrics/loss', 'w').write('1700000000000 0.25 0\\n')
                shm = os.statvfs('/dev/shm')
                print('shm MB:', shm.f_blocks * shm.f_frsize // (1024 * 1024))
                """);
        Path job = write(project, "job.yml", """
                command: python log.py
                environment: {image: %s}
                resources: {shm_size: 256m}
                experiment_name: tracked
                """.formatted(BASE_IMAGE));

        RunRecord withShm = run(loader.load(job, null, List.of()));
        RunRecord byDefault = run(loader.load(project.resolve("log.py"), null, List.of()));

        assertThat(read(store.driverLog(withShm.id))).contains("tracking: file:///aml/mlruns tracked", "shm MB: 256");
        assertThat(read(store.mlruns(withShm.id).resolve("0/run1/metrics/loss"))).startsWith("1700000000000 0.25");
        assertThat(read(store.driverLog(byDefault.id))).contains("shm MB: 2048");
    }

    @Test
    void aCodeFolderAtTheRootOfTheFileSystemIsRefused() throws Exception {
        Path job = write(project, "job.yml", "code: /\ncommand: python x.py\nenvironment: {image: " + BASE_IMAGE + "}\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> loader.load(job, null, List.of()))
                .isInstanceOf(dev.amldebug.runner.yaml.SpecException.class)
                .hasMessageContaining(job + ":1:7: the code folder would be the root of the file system");
    }
}

package dev.amldebug.runner.run;

import static dev.amldebug.runner.testing.DockerResources.BASE_IMAGE;
import static dev.amldebug.runner.testing.DockerResources.docker;
import static dev.amldebug.runner.testing.Projects.read;
import static dev.amldebug.runner.testing.Projects.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.amldebug.runner.image.ImageUsage;
import dev.amldebug.runner.spec.RunSpec;
import dev.amldebug.runner.spec.RunSpecLoader;
import dev.amldebug.runner.testing.DockerResources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(DockerResources.class)
class ReconcilerIT {
    @TempDir
    Path workspace;
    @TempDir
    Path project;
    @TempDir
    Path cache;

    private LocalRunner runner;
    private RunStore store;
    private RunContainers containers;

    @BeforeEach
    void setUp() {
        runner = new LocalRunner(docker(), new RunStore(workspace), new ImageUsage(cache));
        store = runner.store();
        containers = new RunContainers(docker());
    }

    private String startDetached(String script) {
        Path file = write(project, "job.py", script);
        RunSpec spec = new RunSpecLoader(BASE_IMAGE).load(file, null, List.of());
        String id = runner.queue(spec);
        runner.start(id, spec, StartOptions.DETACHED, RunListener.NONE);
        return id;
    }

    @Test
    void detachedRunThatEndedGetsItsStatusExitCodeAndDriverLog() throws Exception {
        String id = startDetached("print('from a detached run')\nraise SystemExit(4)\n");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !RunContainers.isRunning(containers.find(id).orElseThrow()));

        java.time.Instant reconciledAt = java.time.Instant.now();
        List<String> notes = new Reconciler(store, containers).reconcile();

        RunRecord record = store.read(id);
        assertThat(record.status).isEqualTo(RunStatus.Failed);
        assertThat(record.exitCode).isEqualTo(4);
        assertThat(record.endedAt).as("when the container stopped, not when it was noticed").isBefore(reconciledAt);
        assertThat(read(store.driverLog(id))).contains("from a detached run");
        assertThat(notes).singleElement().asString().contains(id).contains("Failed");
        assertThat(containers.find(id)).isEmpty();
    }

    @Test
    void runningContainerOfADeadProcessIsAdoptedAndReported() throws Exception {
        // The stimulus: a container that is still running when its process is found dead.
        String id = startDetached("import time\ntime.sleep(300)\n");
        long dead = deadPid();
        store.update(id, r -> {
            r.detached = false;
            r.ownerPid = dead;
        });

        List<String> notes = new Reconciler(store, containers).reconcile();

        assertThat(notes).singleElement().asString().contains("keeps running").contains("runs logs " + id);
        assertThat(store.read(id).detached).isTrue();
        assertThat(store.read(id).status).isEqualTo(RunStatus.Running);
        RunRecord canceled = new RunCanceller(store, containers).cancel(id);
        assertThat(canceled.status).isEqualTo(RunStatus.Canceled);
        assertThat(containers.find(id)).isEmpty();
    }

    @Test
    void activeRunWithoutContainerAndOwnerIsRecordedAsFailed() throws Exception {
        RunRecord record = new RunRecord();
        record.id = "orphan_1_00000000";
        record.experiment = "orphan";
        record.status = RunStatus.Preparing;
        record.createdAt = java.time.Instant.now();
        record.ownerPid = deadPid();
        store.create(record);

        List<String> notes = new Reconciler(store, containers).reconcile();

        assertThat(store.read(record.id).status).isEqualTo(RunStatus.Failed);
        assertThat(notes).singleElement().asString().contains("no container is left");
        assertThat(read(store.controlLog(record.id))).contains("recorded as Failed");
    }

    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }
}

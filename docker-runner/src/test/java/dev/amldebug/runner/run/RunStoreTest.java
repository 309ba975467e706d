package dev.amldebug.runner.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {
    @TempDir
    Path workspace;

    private RunRecord record(String id, Instant created) {
        RunRecord record = new RunRecord();
        record.id = id;
        record.experiment = "exp";
        record.status = RunStatus.Queued;
        record.createdAt = created;
        return record;
    }

    @Test
    void theRootAndSystemFoldersAreNoWorkspace() {
        for (String folder : new String[] {"/", "/etc", "/usr"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RunStore(Path.of(folder)))
                    .isInstanceOf(dev.amldebug.errors.AmlDebugException.class)
                    .hasMessageContaining("The workspace folder would be").hasMessageContaining("--folder");
        }
        assertThat(Path.of("/.azureml")).doesNotExist();
    }

    @Test
    void createLaysOutTheDocumentedFolders() {
        RunStore store = new RunStore(workspace);
        store.create(record("exp_1_a", Instant.now()));
        Path dir = workspace.resolve(".azureml/runs/exp_1_a");
        assertThat(dir.resolve("run.json")).isRegularFile();
        assertThat(dir.resolve("logs/60_control_log.txt")).isRegularFile();
        assertThat(dir.resolve("logs/70_driver_log.txt")).isRegularFile();
        assertThat(dir.resolve("outputs")).isDirectory();
    }

    @Test
    void runJsonHoldsTheContractFieldNames() throws Exception {
        RunStore store = new RunStore(workspace);
        store.create(record("exp_1_a", Instant.parse("2026-01-02T03:04:05Z")));
        store.update("exp_1_a", r -> {
            r.status = RunStatus.Completed;
            r.exitCode = 0;
            r.image = "aml-debug/env:0123456789ab";
        });
        String json = Files.readString(store.dir("exp_1_a").resolve("run.json"));
        assertThat(json).contains("\"id\" : \"exp_1_a\"", "\"status\" : \"Completed\"", "\"exitCode\" : 0",
                "\"createdAt\" : \"2026-01-02T03:04:05Z\"", "\"image\" : \"aml-debug/env:0123456789ab\"");
    }

    @Test
    void listsNewestFirst() {
        RunStore store = new RunStore(workspace);
        store.create(record("exp_1_old", Instant.parse("2026-01-01T00:00:00Z")));
        store.create(record("exp_2_new", Instant.parse("2026-02-01T00:00:00Z")));
        assertThat(store.list()).extracting(r -> r.id).containsExactly("exp_2_new", "exp_1_old");
    }

    @Test
    void concurrentUpdatesAreNotLost() throws Exception {
        RunStore store = new RunStore(workspace);
        store.create(record("exp_1_a", Instant.now()));
        store.update("exp_1_a", r -> r.exitCode = 0);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread thread = new Thread(() -> {
                for (int j = 0; j < 25; j++) {
                    store.update("exp_1_a", r -> r.exitCode = r.exitCode + 1);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(store.read("exp_1_a").exitCode).isEqualTo(200);
    }

    @Test
    void unknownRunSaysHowToListRuns() {
        RunStore store = new RunStore(workspace);
        assertThatThrownBy(() -> store.read("nope")).isInstanceOf(RunNotFoundException.class)
                .hasMessageContaining("aml-debug runs list");
        assertThatThrownBy(() -> store.read("../etc")).isInstanceOf(RunNotFoundException.class);
    }

    @Test
    void runIdsAreContainerNameSafe() {
        assertThat(RunIds.next("my exp/1", 1700000000L)).matches("my_exp_1_1700000000_[0-9a-f]{8}");
    }

    @Test
    void aTruncatedRecordIsSkippedNamedAndNeverBlocksTheOthers() throws Exception {
        RunStore store = new RunStore(workspace);
        store.create(record("good_1_a", Instant.parse("2026-01-01T00:00:00Z")));
        store.create(record("bad_2_b", Instant.parse("2026-01-02T00:00:00Z")));
        java.nio.file.Path file = store.dir("bad_2_b").resolve("run.json");
        String whole = java.nio.file.Files.readString(file);
        java.nio.file.Files.writeString(file, whole.substring(0, whole.length() / 2));

        assertThat(store.list()).extracting(r -> r.id).containsExactly("good_1_a");
        assertThat(store.broken()).singleElement().satisfies(broken -> {
            assertThat(broken.runId()).isEqualTo("bad_2_b");
            assertThat(broken.getMessage()).contains(file.toString(), "not a valid run record at line",
                    "Fix the file, or remove the folder").doesNotContain("com.fasterxml").doesNotContain("Exception");
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.read("bad_2_b"))
                .isInstanceOf(BrokenRunException.class);
        store.create(record("new_3_c", Instant.parse("2026-01-03T00:00:00Z")));
        assertThat(store.list()).extracting(r -> r.id).containsExactly("new_3_c", "good_1_a");
    }

    @Test
    void aRecordWithAnUnknownStatusIsBrokenWithoutAJavaTypeInItsMessage() throws Exception {
        RunStore store = new RunStore(workspace);
        store.create(record("odd_1_a", Instant.now()));
        java.nio.file.Files.writeString(store.dir("odd_1_a").resolve("run.json"), "{\"id\": \"odd_1_a\", \"status\": \"Exploded\"}");
        assertThat(store.broken()).singleElement().satisfies(broken ->
                assertThat(broken.getMessage()).doesNotContain("dev.amldebug").doesNotContain("RunStatus"));
    }
}

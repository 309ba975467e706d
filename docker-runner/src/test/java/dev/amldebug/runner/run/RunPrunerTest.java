package dev.amldebug.runner.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunPrunerTest {
    @TempDir
    Path workspace;
    @TempDir
    Path elsewhere;

    private RunStore store;

    private void run(String id, RunStatus status, int daysAgo) {
        RunRecord record = new RunRecord();
        record.id = id;
        record.experiment = "e";
        record.status = status;
        record.createdAt = Instant.now().minus(Duration.ofDays(daysAgo)).minusSeconds(60);
        record.endedAt = status.isTerminal() ? Instant.now().minus(Duration.ofDays(daysAgo)) : null;
        store.create(record);
    }

    @Test
    void removesEndedRunsPastTheAgeButNeverOneStillGoing() {
        store = new RunStore(workspace);
        run("old_1_a", RunStatus.Completed, 40);
        run("running_2_b", RunStatus.Running, 50);
        run("new_3_c", RunStatus.Failed, 2);
        assertThat(new RunPruner(store).prune(Duration.ofDays(30), 0)).extracting(r -> r.id).containsExactly("old_1_a");
        assertThat(store.list()).extracting(r -> r.id).containsExactlyInAnyOrder("running_2_b", "new_3_c");
        assertThat(store.dir("old_1_a")).doesNotExist();
    }

    @Test
    void keepsTheNewestRunsWhateverTheirAge() {
        store = new RunStore(workspace);
        run("a_1_a", RunStatus.Completed, 9);
        run("b_2_b", RunStatus.Completed, 8);
        run("c_3_c", RunStatus.Completed, 7);
        assertThat(new RunPruner(store).prune(null, 2)).extracting(r -> r.id).containsExactly("a_1_a");
    }

    @Test
    void linksInARunAreRemovedNeverFollowed() throws Exception {
        store = new RunStore(workspace);
        run("links_1_a", RunStatus.Completed, 40);
        Path precious = Files.writeString(elsewhere.resolve("precious.txt"), "keep me");
        Files.createSymbolicLink(store.outputs("links_1_a").resolve("up"), elsewhere);
        new RunPruner(store).prune(Duration.ofDays(1), 0);
        assertThat(store.dir("links_1_a")).doesNotExist();
        assertThat(precious).hasContent("keep me");
    }

    @Test
    void aRecordWhoseIdPointsElsewhereIsBrokenAndNeverPruned() throws Exception {
        store = new RunStore(workspace);
        run("real_1_a", RunStatus.Completed, 40);
        Path sneaky = Files.createDirectories(store.runsDir().resolve("sneaky_2_b"));
        Files.writeString(sneaky.resolve("run.json"), "{\"id\": \"..\", \"status\": \"Completed\","
                + " \"createdAt\": \"2020-01-01T00:00:00Z\", \"endedAt\": \"2020-01-01T00:00:00Z\"}");
        Files.createDirectories(store.runsDir().resolve("digits_3 copy"));
        Files.writeString(store.runsDir().resolve("digits_3 copy/run.json"), "{}");

        assertThat(store.list()).extracting(r -> r.id).containsExactly("real_1_a");
        assertThat(store.broken()).extracting(BrokenRunException::runId).containsExactly("sneaky_2_b");
        assertThat(new RunPruner(store).prune(Duration.ofDays(1), 0)).extracting(r -> r.id).containsExactly("real_1_a");
        assertThat(store.runsDir()).exists();
        assertThat(sneaky).exists();
    }
}

package dev.amldebug.server.tree.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.runner.run.RunKind;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStatus;
import dev.amldebug.runner.run.RunStore;
import dev.amldebug.server.tree.Node;
import dev.amldebug.server.tree.NodeId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RankNodesTest {
    @TempDir
    Path workspace;

    private final NodeId base = NodeId.root("local").child("runs");

    private RunStore storeWithFailedRun() throws IOException {
        RunStore store = new RunStore(workspace);
        RunRecord record = new RunRecord();
        record.id = "dist_1_abc";
        record.kind = RunKind.distributed;
        record.status = RunStatus.Failed;
        record.createdAt = Instant.now();
        record.distributed().layOut("pytorch", 2, 3);
        record.distributed().setFailedRank(2);
        store.create(record);
        Files.createDirectories(store.rankExits(record.id));
        Files.createDirectories(store.userLogs(record.id));
        Files.writeString(store.processLog(record.id, 2), "Traceback\nValueError: boom\n");
        Files.writeString(store.rankExits(record.id).resolve("rank_0.json"),
                "{\"rank\": 0, \"exitCode\": 143, \"endedAt\": 2.0, \"stopped\": true, \"lastLine\": \"step 3\"}");
        Files.writeString(store.rankExits(record.id).resolve("rank_2.json"),
                "{\"rank\": 2, \"exitCode\": 1, \"endedAt\": 1.0, \"stopped\": false, \"lastLine\": \"ValueError: boom\"}");
        return store;
    }

    @Test
    void aDistributedRunShowsRanksBeforeItsLogsAndOutputs() throws IOException {
        List<Node> children = new RunNodes(storeWithFailedRun(), base).children(base.child("dist_1_abc"));

        assertThat(children).extracting(Node::label).containsExactly("Ranks", "Logs", "Outputs");
        assertThat(children.get(0).description()).isEqualTo("3 on 2 nodes");
    }

    @Test
    void eachRankSaysItsNodeAndHowItEndedAndHoldsItsLog() throws IOException {
        RunStore store = storeWithFailedRun();
        RunNodes runs = new RunNodes(store, base);

        List<Node> ranks = runs.children(base.child("dist_1_abc", "ranks"));

        assertThat(ranks).extracting(Node::label).containsExactly("rank 0", "rank 1", "rank 2");
        assertThat(ranks).extracting(Node::state).containsExactly("stopped", "notRun", "failed");
        assertThat(ranks.get(0).description()).isEqualTo("node 0 · stopped, exit code 143");
        assertThat(ranks.get(1).description()).isEqualTo("node 0 · did not run");
        assertThat(ranks.get(2).description()).isEqualTo("node 1 · exit code 1 · failed first");
        assertThat(ranks.get(2).tooltip()).contains("last line: ValueError: boom");
        List<Node> log = runs.children(ranks.get(2).id());
        assertThat(log).singleElement().satisfies(node -> {
            assertThat(node.label()).isEqualTo("std_log_process_2.txt");
            assertThat(node.resource()).isEqualTo(store.processLog("dist_1_abc", 2).toUri());
            assertThat(node.runId()).isEqualTo("dist_1_abc");
        });
    }
}

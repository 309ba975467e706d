package dev.amldebug.server.pictures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.runner.run.RunKind;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStatus;
import dev.amldebug.runner.run.RunStore;
import dev.amldebug.server.pictures.RankTimeline.Event;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Four ranks on two nodes: started with the run, waiting from their hub join, exited as their launcher wrote. */
class RankTimelineTest {
    @TempDir
    Path workspace;

    @Test
    void eachRankStartsWaitsAndExitsWithItsCode() throws IOException {
        RunStore store = new RunStore(workspace);
        RunRecord record = new RunRecord();
        record.id = "ranks_1";
        record.experiment = "ranks";
        record.status = RunStatus.Failed;
        record.kind = RunKind.distributed;
        record.createdAt = Instant.ofEpochMilli(1_700_000_000_000L);
        record.startedAt = Instant.ofEpochMilli(1_700_000_001_000L);
        record.endedAt = Instant.ofEpochMilli(1_700_000_009_000L);
        record.distributed().layOut("pytorch", 2, 4);
        store.create(record);
        Path ranks = store.rankExits("ranks_1");
        Files.createDirectories(ranks);
        Files.writeString(ranks.resolve("rank_1.json"),
                "{\"rank\": 1, \"exitCode\": 3, \"endedAt\": 1700000008.5, \"stopped\": false, \"lastLine\": \"ValueError: x\"}");
        Files.writeString(ranks.resolve("rank_2.json"),
                "{\"rank\": 2, \"exitCode\": -15, \"endedAt\": 1700000008.9, \"stopped\": true}");

        RankTimeline.View view = new RankTimeline(store, id -> Map.of(1, Instant.ofEpochMilli(1_700_000_002_000L)))
                .read("ranks_1");

        assertThat(view.ranks()).extracting(RankTimeline.Lane::node).containsExactly(0, 0, 1, 1);
        assertThat(view.ranks().get(1).events()).containsExactly(new Event(1_700_000_001_000L, "started", null, null),
                new Event(1_700_000_002_000L, "waiting", null, "waits for its debugger"),
                new Event(1_700_000_008_500L, "exited", 3, "ValueError: x"));
        assertThat(view.ranks().get(2).events()).last()
                .isEqualTo(new Event(1_700_000_008_900L, "exited", -15, "stopped when another rank failed"));
        assertThat(view.ranks().get(0).events()).extracting(Event::state).containsExactly("started");
        assertThat(view.active()).isFalse();
        assertThat(view.endedAt()).isEqualTo(1_700_000_009_000L);
    }
}

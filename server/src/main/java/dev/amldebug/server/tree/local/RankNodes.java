package dev.amldebug.server.tree.local;

import dev.amldebug.runner.run.DistributedPart;
import dev.amldebug.runner.run.RankExits;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStore;
import dev.amldebug.server.tree.Node;
import dev.amldebug.server.tree.NodeId;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A distributed run's ranks: runs/ID/ranks > rank N (its node, how it ended) > its log,
 * {@code user_logs/std_log_process_N.txt}.
 */
final class RankNodes {
    private final RunStore store;
    private final NodeId base;

    RankNodes(RunStore store, NodeId base) {
        this.store = store;
        this.base = base;
    }

    Node folder(RunRecord run) {
        return Node.folder(base.child(run.id, "ranks"), "Ranks", "ranks").withRunId(run.id)
                .withDescription(run.distributed().ranks() + " on " + run.distributed().nodes()
                        + (run.distributed().nodes() == 1 ? " node" : " nodes"));
    }

    /** The ranks, or with {@code rank} given, that rank's log. */
    List<Node> children(RunRecord run, String rank) {
        if (!rank.isEmpty()) {
            Path log = store.processLog(run.id, Integer.parseInt(rank));
            return List.of(RunNodes.file(base.child(run.id, "ranks", rank, log.getFileName().toString()), log, "log")
                    .withRunId(run.id));
        }
        RankExits exits = RankExits.read(store.rankExits(run.id));
        DistributedPart distributed = run.distributed();
        return IntStream.range(0, distributed.ranks())
                .mapToObj(r -> rank(run, r, distributed.nodeOf(r), exits.of(r))).toList();
    }

    private Node rank(RunRecord run, int rank, int node, Optional<RankExits.Exit> exit) {
        String state = exit.map(e -> e.stopped() ? "stopped" : e.exitCode() == 0 ? "completed" : "failed")
                .orElse(run.isActive() ? "running" : "notRun");
        boolean first = run.distributed().failedRank() != null && run.distributed().failedRank() == rank;
        String description = "node " + node + " · " + exit.map(e -> (e.stopped() ? "stopped, " : "") + "exit code "
                + e.exitCode()).orElse(run.isActive() ? "running" : "did not run") + (first ? " · failed first" : "");
        String tooltip = "rank " + rank + " on node-" + node + exit.map(e -> e.lastLine() == null ? ""
                : "\nlast line: " + e.lastLine()).orElse("");
        return new Node(base.child(run.id, "ranks", Integer.toString(rank)), "rank " + rank, description, "rank", state,
                true, null, tooltip, run.id, null);
    }
}

package dev.amldebug.server.pictures;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.run.DistributedPart;
import dev.amldebug.runner.run.RankExits;
import dev.amldebug.runner.run.RunKind;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A distributed run's ranks over time, as the server knows them: each rank started with the run, waited for its
 * debugger from when it dialled the run's debug hub, and exited (with its code, stopped or not) as its launcher
 * recorded. Pauses at breakpoints are the editor's to add: it sees the debug sessions.
 */
public final class RankTimeline {
    /** Times in milliseconds since the epoch; {@code state}: started, waiting or exited. */
    public record Event(long at, String state, Integer exitCode, String detail) {
    }

    public record Lane(int rank, int node, List<Event> events) {
    }

    public record View(String runId, String status, boolean active, Long startedAt, Long endedAt, long now,
                       List<Lane> ranks) {
    }

    private final RunStore store;
    private final Function<String, Map<Integer, Instant>> hubJoins;

    /** @param hubJoins a run's ranks by when each dialled its debug hub (none for a run not debugged here) */
    public RankTimeline(RunStore store, Function<String, Map<Integer, Instant>> hubJoins) {
        this.store = store;
        this.hubJoins = hubJoins;
    }

    public View read(String runId) {
        RunRecord run = store.read(runId);
        if (run.kind != RunKind.distributed) {
            throw AmlDebugException.badInput("Run " + runId + " is not distributed: pick a run with ranks for their timeline.");
        }
        DistributedPart distributed = run.distributed();
        RankExits exits = RankExits.read(store.rankExits(runId));
        Map<Integer, Instant> joins = hubJoins.apply(runId);
        List<Lane> lanes = new ArrayList<>();
        for (int rank = 0; rank < distributed.ranks(); rank++) {
            List<Event> events = new ArrayList<>();
            if (run.startedAt != null) {
                events.add(new Event(run.startedAt.toEpochMilli(), "started", null, null));
            }
            Instant joined = joins.get(rank);
            if (joined != null) {
                events.add(new Event(joined.toEpochMilli(), "waiting", null, "waits for its debugger"));
            }
            exits.of(rank).ifPresent(exit -> events.add(new Event(Math.round(exit.endedAt() * 1000), "exited",
                    exit.exitCode(), exit.stopped() ? "stopped when another rank failed" : exit.lastLine())));
            lanes.add(new Lane(rank, distributed.nodeOf(rank), events));
        }
        return new View(run.id, run.status.name(), run.isActive(), millis(run.startedAt), millis(run.endedAt),
                System.currentTimeMillis(), lanes);
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}

package dev.amldebug.bridge.console;

import dev.amldebug.bridge.hub.RankStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code ranks} command's table: rank, node, pid and state, the current rank marked. With the ranks' line
 * (stop-the-world), a paused rank says how long, a rank that waits in native code says where, and a last line says
 * what the pause governor holds.
 */
final class RankTable {
    private RankTable() {
    }

    static void print(List<Rank> ranks, Rank current, ConsoleOptions options, List<RankStatus> statuses) {
        Instant now = Instant.now();
        options.out().println(String.format("  %-6s %-6s %-8s %s", "rank", "node", "pid", "state"));
        for (Rank rank : ranks) {
            Optional<RankStatus> status = statuses.stream().filter(s -> s.of(rank.debuggee)).findFirst();
            options.out().println(String.format("%s %-6s %-6s %-8d %s", rank == current ? "*" : " ",
                    orDash(rank.debuggee.rank()), orDash(rank.debuggee.node()), rank.debuggee.pid(),
                    rank.where(options.codeDir()) + status.map(s -> detail(rank, s, now)).orElse("")));
        }
        statuses.stream().map(RankStatus::governor).filter(Objects::nonNull).distinct()
                .forEach(governor -> options.out().println("pause governor: " + governor));
    }

    private static String detail(Rank rank, RankStatus status, Instant now) {
        if (rank.state() == Rank.State.STOPPED && status.paused()) {
            return ", " + status.pausedFor(now) + (status.world() ? " (stop-the-world)" : "");
        }
        if (rank.state() == Rank.State.RUNNING && status.waiting() != null) {
            return " (waits at " + status.waiting() + "; pauses when that returns)";
        }
        return "";
    }

    static String orDash(Integer value) {
        return value == null ? "-" : value.toString();
    }
}

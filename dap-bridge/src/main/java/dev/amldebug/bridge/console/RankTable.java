package dev.amldebug.bridge.console;

import java.util.List;

/** The {@code ranks} command's table: rank, node, pid and state, the current rank marked. */
final class RankTable {
    private RankTable() {
    }

    static void print(List<Rank> ranks, Rank current, ConsoleOptions options) {
        options.out().println(String.format("  %-6s %-6s %-8s %s", "rank", "node", "pid", "state"));
        for (Rank rank : ranks) {
            options.out().println(String.format("%s %-6s %-6s %-8d %s", rank == current ? "*" : " ",
                    orDash(rank.debuggee.rank()), orDash(rank.debuggee.node()), rank.debuggee.pid(),
                    rank.where(options.codeDir())));
        }
    }

    static String orDash(Integer value) {
        return value == null ? "-" : value.toString();
    }
}

package dev.amldebug.bridge.hub;

/**
 * A process that dialled the debug hub, as it announced itself. Fields it did not know are null.
 *
 * @param id     the hub's own name for it, unique within the hub
 * @param remote the address it came from
 */
public record Debuggee(String id, String run, Integer node, Integer rank, Integer localRank, long pid, String remote) {

    /** What a client shows for it: {@code rank 3 (node 1)}, or {@code pid 42} for a process that named no rank. */
    public String name() {
        if (rank == null) {
            return "pid " + pid;
        }
        return node == null ? "rank " + rank : "rank " + rank + " (node " + node + ")";
    }

    /** {@code rank 3}, as the console prefixes its lines. */
    public String label() {
        return rank == null ? "pid " + pid : "rank " + rank;
    }
}

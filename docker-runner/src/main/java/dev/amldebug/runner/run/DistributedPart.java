package dev.amldebug.runner.run;

import java.util.List;

/** A distributed run's part of its {@link RunRecord}: its nodes (containers) and ranks. Empty for other kinds. */
@RunRecordPart
public final class DistributedPart {
    /** pytorch, mpi or tensorflow. */
    private String distribution;
    /** How many nodes (containers), and how many processes (ranks) in all. */
    private Integer nodes;
    private Integer ranks;
    /** The container of each node, node 0 first; null (left out of run.json) until they are created. */
    private List<String> nodeContainerIds;
    /** The rank that failed first; the record's {@code exitCode} is its exit code and {@code error} its last line. */
    private Integer failedRank;

    /** Sets the layout a distributed run is queued with. */
    public void layOut(String distribution, int nodes, int ranks) {
        this.distribution = distribution;
        this.nodes = nodes;
        this.ranks = ranks;
    }

    public String distribution() {
        return distribution;
    }

    public Integer nodes() {
        return nodes;
    }

    public Integer ranks() {
        return ranks;
    }

    /** The node that runs {@code rank}: ranks fill node 0 first, as many on each node. */
    public int nodeOf(int rank) {
        int perNode = (ranks + nodes - 1) / nodes;
        return rank / perNode;
    }

    /** The node containers, node 0 first; empty before they are created, and for other kinds. */
    public List<String> nodeContainerIds() {
        return nodeContainerIds == null ? List.of() : nodeContainerIds;
    }

    public void setNodeContainerIds(List<String> nodeContainerIds) {
        this.nodeContainerIds = List.copyOf(nodeContainerIds);
    }

    public Integer failedRank() {
        return failedRank;
    }

    public void setFailedRank(Integer failedRank) {
        this.failedRank = failedRank;
    }
}

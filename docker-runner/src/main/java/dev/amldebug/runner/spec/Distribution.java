package dev.amldebug.runner.spec;

/**
 * How a command job spreads over nodes and processes ({@code distribution:} and {@code resources.instance_count}).
 * Ranks are numbered node by node: rank = node rank * processes per node + local rank. A tensorflow job has
 * {@code workers + parameterServers} processes, {@code ceil(total / nodes)} on each node in turn (so the last nodes
 * may hold fewer, even none); its first ranks are the workers, the last the parameter servers.
 *
 * @param nodes            instance_count: one container each
 * @param processesPerNode processes in each container (the last nodes may hold fewer for tensorflow)
 * @param workers          tensorflow: worker_count; otherwise the world size
 * @param parameterServers tensorflow: parameter_server_count; otherwise 0
 */
public record Distribution(Type type, int nodes, int processesPerNode, int workers, int parameterServers) {
    public enum Type {
        pytorch, mpi, tensorflow
    }

    public static Distribution processes(Type type, int nodes, int processesPerNode) {
        return new Distribution(type, nodes, processesPerNode, nodes * processesPerNode, 0);
    }

    public static Distribution tensorflow(int nodes, int workers, int parameterServers) {
        int total = workers + parameterServers;
        return new Distribution(Type.tensorflow, nodes, (total + nodes - 1) / nodes, workers, parameterServers);
    }

    /** Every process of every node. */
    public int worldSize() {
        return workers + parameterServers;
    }

    /** How many processes node {@code nodeRank} runs. */
    public int processesOn(int nodeRank) {
        return Math.max(0, Math.min(processesPerNode, worldSize() - nodeRank * processesPerNode));
    }

    public int rank(int nodeRank, int localRank) {
        return nodeRank * processesPerNode + localRank;
    }

    public int nodeOf(int rank) {
        return rank / processesPerNode;
    }
}

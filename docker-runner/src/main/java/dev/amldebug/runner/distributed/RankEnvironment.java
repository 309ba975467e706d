package dev.amldebug.runner.distributed;

import dev.amldebug.runner.spec.Distribution;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Collectors;

/**
 * Azure ML's environment contract for one process of a distributed job: the torch.distributed variables for every
 * type, Open MPI's rank variables for mpi, TF_CONFIG for tensorflow. Nodes reach each other by name on the run's
 * network ({@link #host}).
 */
public final class RankEnvironment {
    /** The port Azure ML gives MASTER_ADDR. */
    public static final int MASTER_PORT = 6105;
    /** TF_CONFIG's first port on each node; a node's processes take the ports after it. */
    public static final int TENSORFLOW_PORT = 2222;

    private RankEnvironment() {
    }

    /** The name node {@code nodeRank} has on the run's network, and as its host name. */
    public static String host(int nodeRank) {
        return "node-" + nodeRank;
    }

    public static Map<String, String> of(Distribution distribution, int nodeRank, int localRank) {
        int rank = distribution.rank(nodeRank, localRank);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MASTER_ADDR", host(0));
        env.put("MASTER_PORT", Integer.toString(MASTER_PORT));
        env.put("WORLD_SIZE", Integer.toString(distribution.worldSize()));
        env.put("NODE_RANK", Integer.toString(nodeRank));
        env.put("RANK", Integer.toString(rank));
        env.put("LOCAL_RANK", Integer.toString(localRank));
        env.put("LOCAL_WORLD_SIZE", Integer.toString(distribution.processesOn(nodeRank)));
        env.put("GROUP_RANK", Integer.toString(nodeRank));
        env.put("AZUREML_NODE_COUNT", Integer.toString(distribution.nodes()));
        if (distribution.type() == Distribution.Type.mpi) {
            env.put("OMPI_COMM_WORLD_RANK", Integer.toString(rank));
            env.put("OMPI_COMM_WORLD_SIZE", Integer.toString(distribution.worldSize()));
            env.put("OMPI_COMM_WORLD_LOCAL_RANK", Integer.toString(localRank));
            env.put("OMPI_COMM_WORLD_LOCAL_SIZE", Integer.toString(distribution.processesOn(nodeRank)));
            env.put("OMPI_COMM_WORLD_NODE_RANK", Integer.toString(nodeRank));
        }
        if (distribution.type() == Distribution.Type.tensorflow) {
            env.put("TF_CONFIG", tfConfig(distribution, rank));
        }
        return env;
    }

    /** The first ranks are the workers, the rest the parameter servers; each has host:port of its node. */
    static String tfConfig(Distribution distribution, int rank) {
        List<String> workers = IntStream.range(0, distribution.workers()).mapToObj(r -> address(distribution, r)).toList();
        List<String> servers = IntStream.range(distribution.workers(), distribution.worldSize())
                .mapToObj(r -> address(distribution, r)).toList();
        boolean worker = rank < distribution.workers();
        return "{\"cluster\": {\"worker\": " + jsonList(workers) + ", \"ps\": " + jsonList(servers) + "}, \"task\": {"
                + "\"type\": \"" + (worker ? "worker" : "ps") + "\", \"index\": "
                + (worker ? rank : rank - distribution.workers()) + "}}";
    }

    private static String address(Distribution distribution, int rank) {
        int node = distribution.nodeOf(rank);
        return host(node) + ":" + (TENSORFLOW_PORT + rank - distribution.rank(node, 0));
    }

    private static String jsonList(List<String> items) {
        return items.stream().map(item -> "\"" + item + "\"").collect(Collectors.joining(", ", "[", "]"));
    }
}

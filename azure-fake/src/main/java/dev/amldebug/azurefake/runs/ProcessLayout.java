package dev.amldebug.azurefake.runs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The processes of a job on the stand-in compute: {@code resources.instanceCount} nodes times the distribution's
 * {@code processCountPerInstance}, each with Azure ML's environment contract when the job is distributed. A job of one process keeps the single
 * {@code user_logs/std_log.txt}; with more, each process writes {@code user_logs/std_log_process_<rank>.txt}, as
 * Azure ML lays out a distributed job's logs. The fake runs every process in a container of its own (its own address;
 * a real node shares one between its processes, which is why the shim offsets its port by LOCAL_RANK).
 */
record ProcessLayout(int nodes, int perNode, boolean distributed) {
    static final int MASTER_PORT = 6105;

    /** From a command job's properties (camelCase) or a pipeline step (snake_case, as the SDK sends steps). */
    static ProcessLayout of(JsonNode submitted) {
        JsonNode resources = submitted.path("resources");
        JsonNode distribution = submitted.path("distribution");
        int nodes = resources.path("instanceCount").asInt(resources.path("instance_count").asInt(1));
        int perNode = distribution.path("processCountPerInstance").asInt(distribution.path("process_count_per_instance").asInt(1));
        return new ProcessLayout(Math.max(1, nodes), Math.max(1, perNode), !distribution.isMissingNode() || nodes > 1);
    }

    int worldSize() {
        return nodes * perNode;
    }

    boolean single() {
        return worldSize() == 1;
    }

    /** One process: its rank, its node, and its environment; {@code masterAddress} is rank 0's host name. */
    record Slot(int rank, int node, int localRank, String logFile, Map<String, String> environment) {
    }

    List<Slot> slots(String masterAddress) {
        List<Slot> slots = new ArrayList<>();
        for (int rank = 0; rank < worldSize(); rank++) {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("MASTER_ADDR", masterAddress);
            env.put("MASTER_PORT", Integer.toString(MASTER_PORT));
            env.put("WORLD_SIZE", Integer.toString(worldSize()));
            env.put("NODE_RANK", Integer.toString(rank / perNode));
            env.put("RANK", Integer.toString(rank));
            env.put("LOCAL_RANK", Integer.toString(rank % perNode));
            env.put("LOCAL_WORLD_SIZE", Integer.toString(perNode));
            slots.add(new Slot(rank, rank / perNode, rank % perNode,
                    single() ? RealRuns.LOG_FILE : "user_logs/std_log_process_" + rank + ".txt", distributed ? env : Map.of()));
        }
        return slots;
    }
}

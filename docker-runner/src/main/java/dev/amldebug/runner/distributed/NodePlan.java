package dev.amldebug.runner.distributed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.amldebug.runner.spec.Distribution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the launcher in one node container starts ({@code aml_launcher.py} reads it from {@link #VARIABLE}): each
 * process's rank, command line and environment of its own.
 */
final class NodePlan {
    static final String VARIABLE = "AML_DEBUG_LAUNCH";
    private static final ObjectMapper JSON = new ObjectMapper();

    private NodePlan() {
    }

    /** @param debug the ranks to debug, or null */
    static String json(Distribution distribution, int nodeRank, List<String> command, RankDebug debug) {
        List<Map<String, Object>> processes = new ArrayList<>();
        for (int localRank = 0; localRank < distribution.processesOn(nodeRank); localRank++) {
            int rank = distribution.rank(nodeRank, localRank);
            boolean debugged = debug != null && debug.covers(rank);
            Map<String, String> env = new LinkedHashMap<>(RankEnvironment.of(distribution, nodeRank, localRank));
            if (debugged) {
                env.putAll(debug.env());
            }
            processes.add(Map.of("rank", rank, "argv", RankCommand.of(command, debugged ? debug.prefix() : null),
                    "env", env));
        }
        Map<String, Object> plan = Map.of("node", nodeRank, "logs", Launcher.LOGS_DIR, "exits", Launcher.EXITS_DIR,
                "processes", processes);
        try {
            return JSON.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a node plan of strings and numbers always serializes", e);
        }
    }
}

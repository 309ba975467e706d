package dev.amldebug.runner.distributed;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which ranks of a distributed run run under a debugger, and how: each such rank's Python is replaced by
 * {@code prefix} ({@code python train.py --lr 1} becomes {@code PREFIX... train.py --lr 1}), and it gets {@code env}
 * on top of the run's environment, for that process only (a token goes here, never on a command line). The other
 * ranks run plainly. A distributed run without debugging takes null.
 *
 * @param ranks  the global ranks to debug
 * @param prefix the command that replaces {@code python}, for example
 *               {@code python /aml/debug/aml_debug_shim.py --connect HOST:PORT --}
 * @param env    extra environment of the debugged processes
 * @param extraHosts {@code /etc/hosts} entries of the nodes ({@code host.docker.internal:ADDRESS}), where they reach
 *               the debugger
 */
public record RankDebug(Set<Integer> ranks, List<String> prefix, Map<String, String> env, List<String> extraHosts) {
    public RankDebug {
        ranks = Set.copyOf(ranks);
        prefix = List.copyOf(prefix);
        env = Map.copyOf(env);
        extraHosts = List.copyOf(extraHosts);
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("a debug prefix needs at least the program to run");
        }
    }

    public boolean covers(int rank) {
        return ranks.contains(rank);
    }
}

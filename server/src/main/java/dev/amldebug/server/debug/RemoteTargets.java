package dev.amldebug.server.debug;

import dev.amldebug.bridge.BridgeTarget;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Debug targets that are not local runs (a debugpy on a remote compute node, found by the server), by the id the
 * editor attaches with: the editor's {@code azureml} attach names it as {@code runId}, as for a local run.
 */
public final class RemoteTargets {
    private final Map<String, BridgeTarget> targets = new ConcurrentHashMap<>();

    /** Makes {@code target} the one {@code id} names (again, on a second attach to the same job). */
    public void put(String id, BridgeTarget target) {
        targets.put(id, target.withOwnKeys(DapTargets.ATTACH_KEYS));
    }

    public Optional<BridgeTarget> get(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(targets.get(id));
    }
}

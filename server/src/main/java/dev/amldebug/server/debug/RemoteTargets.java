package dev.amldebug.server.debug;

import dev.amldebug.bridge.target.BridgeTarget;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Debug targets that are not local runs (a debugpy on a remote compute node, found by the server), by the id the
 * editor attaches with: the editor's {@code azureml} attach names it as {@code runId}, as for a local run.
 */
public final class RemoteTargets {
    /** How many are kept: the oldest goes when one more comes (each is a few strings; a long session makes many). */
    static final int KEPT = 256;
    private final Map<String, BridgeTarget> targets = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, BridgeTarget> eldest) {
            return size() > KEPT;
        }
    };

    /** Makes {@code target} the one {@code id} names (again, on a second attach to the same job). */
    public synchronized void put(String id, BridgeTarget target) {
        targets.remove(id);
        targets.put(id, target.withOwnKeys(DapTargets.ATTACH_KEYS));
    }

    public synchronized Optional<BridgeTarget> get(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(targets.get(id));
    }
}

package dev.amldebug.server.azure;

import dev.amldebug.azure.LogSelection;
import dev.amldebug.azure.WorkspaceClient;
import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.bridge.target.PathMapping;
import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.server.debug.HostTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Attaching to a running Azure ML job (or pipeline step) whose script starts debugpy itself, as the Azure ML debugging
 * guide shows: the address in the job's log, the guide's path mapping unless told otherwise, the address policy, and
 * what to say when the node cannot be reached. {@code azure attach} and the editor's "Attach debugger" both use it.
 */
public final class GuideAttach {
    /** Where the guide's launch configuration says the job's code is: its working directory. */
    public static final String GUIDE_MAPPING = ".=.";
    /** The remote side of the guide's mapping. */
    public static final String GUIDE_REMOTE_ROOT = ".";
    /** The port the guide's script listens on. */
    public static final int GUIDE_PORT = 5678;
    /** How long to wait for the `ip_address:` line unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(600);

    private GuideAttach() {
    }

    /** The given mappings, or the guide's. */
    public static List<String> mappingsOrGuide(List<String> given) {
        return given == null || given.isEmpty() ? List.of(GUIDE_MAPPING) : given;
    }

    /**
     * The address the job's log names, waiting for it up to {@code timeout}.
     *
     * @param node on a multi-node job, the node (rank) whose log names the address; null for the default log
     */
    public static String address(WorkspaceClient workspace, String runId, Integer node, Duration timeout,
                                 Consumer<String> progress) {
        LogSelection log = node == null ? LogSelection.defaults() : LogSelection.rank(node);
        return new GuideAddressWatch(workspace, progress).await(runId, log, timeout);
    }

    /**
     * The debug target at that address, with the guide's mapping from {@code localRoot} to the job's working
     * directory; the address policy holds.
     */
    public static BridgeTarget target(String address, int port, Path localRoot, boolean allowPublic, boolean allCode) {
        return HostTarget.withMappings(address, port, List.of(new PathMapping(localRoot.toString(), GUIDE_REMOTE_ROOT)),
                allowPublic, allCode);
    }

    /** What to say when debugpy at the job's address cannot be reached in time. */
    public static AmlDebugException unreachable(BridgeTarget target) {
        return AmlDebugException.environment("Could not reach debugpy at " + target.address() + " within "
                + target.connectTimeout().toSeconds() + " s. The compute must be reachable from this machine: run aml-debug"
                + " inside the compute's virtual network (as the guide sets it up), over a VPN into it, or on a compute"
                + " instance in it, and check that the job's script listens on 0.0.0.0:" + target.port() + ".", null);
    }
}

package dev.amldebug.server.debug;

import dev.amldebug.bridge.target.AddressPolicy;
import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.bridge.target.PathMapping;
import java.nio.file.Path;
import java.util.List;

/**
 * A debugpy named by host and port, as {@code attach --host --port}, {@code azure attach} and the editor's
 * "Attach debugger" on an Azure ML job reach it: the address policy holds, and each mapping's local folder is made
 * absolute.
 */
public final class HostTarget {
    private HostTarget() {
    }

    /** Mappings as the command line gives them ({@code LOCAL=REMOTE}), local folders relative to the current folder. */
    public static BridgeTarget of(String host, int port, List<String> pathMappings, boolean allowPublic, boolean allCode) {
        return withMappings(host, port, pathMappings.stream().map(PathMapping::parse).toList(), allowPublic, allCode);
    }

    /** Mappings as they are; a relative local folder is relative to the current folder. */
    public static BridgeTarget withMappings(String host, int port, List<PathMapping> pathMappings, boolean allowPublic,
                                            boolean allCode) {
        AddressPolicy.checkPort(port);
        AddressPolicy.check(host, allowPublic);
        List<PathMapping> mappings = pathMappings.stream()
                .map(m -> new PathMapping(Path.of(m.localRoot()).toAbsolutePath().normalize().toString(), m.remoteRoot()))
                .toList();
        return BridgeTarget.of(host, port, mappings).withJustMyCode(!allCode);
    }

    /** The folder breakpoints are relative to: the first mapping's local folder, else the current folder. */
    public static Path localRoot(List<String> pathMappings) {
        return pathMappings.isEmpty() ? Path.of("").toAbsolutePath()
                : Path.of(PathMapping.parse(pathMappings.get(0)).localRoot()).toAbsolutePath().normalize();
    }
}

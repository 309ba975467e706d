package dev.amldebug.bridge;

import dev.amldebug.bridge.protocol.DapMessage;

/**
 * Finds the debugpy for a session from its {@code launch} or {@code attach} request: starts a
 * run for a launch, looks up a run's endpoint for an attach by run id. May take long (an image
 * build); it runs off the client's thread.
 */
@FunctionalInterface
public interface TargetResolver {
    /** @throws IllegalArgumentException with a sentence for the user when the request cannot be served */
    BridgeTarget resolve(DapMessage launchOrAttach) throws Exception;
}

package dev.amldebug.bridge;

import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.bridge.protocol.DapMessage;

/**
 * Finds the debugpy for a session from its {@code launch} or {@code attach} request: starts a
 * run for a launch, looks up a run's endpoint for an attach by run id. May take long (an image
 * build); it runs on the session's executor, off the client's thread.
 */
@FunctionalInterface
public interface TargetResolver {
    /**
     * @return the target, with the request's arguments it consumed in {@link BridgeTarget#ownKeys()}
     * @throws dev.amldebug.errors.AmlDebugException with a sentence for the user when the request cannot be
     *         served; its kind becomes the error id of the answer. Anything else counts as a bug of ours: the
     *         user is pointed to the log
     */
    BridgeTarget resolve(DapMessage launchOrAttach) throws Exception;
}

package dev.amldebug.bridge;

import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.bridge.protocol.DapErrorCode;
import dev.amldebug.bridge.protocol.DapMessage;
import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.errors.ErrorKind;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the session's debugpy from its first launch or attach request, on the session's executor
 * (it may build an image). A failure answers that request with the resolver's sentence.
 */
final class TargetResolution {
    private static final Logger LOG = LoggerFactory.getLogger(TargetResolution.class);
    static final String INTERNAL_FAILURE = "aml-debug could not start or find the debuggee because of an internal"
            + " error. Its log has the details; please report it.";

    private final TargetResolver resolver;
    private final BridgeSession session;
    private final AtomicBoolean started = new AtomicBoolean();

    TargetResolution(TargetResolver resolver, BridgeSession session) {
        this.resolver = resolver;
        this.session = session;
    }

    void start(DapMessage launchOrAttach) {
        if (session.targetKnown() || !started.compareAndSet(false, true)) {
            return;
        }
        session.executor().execute(() -> resolve(launchOrAttach));
    }

    private void resolve(DapMessage launchOrAttach) {
        try {
            BridgeTarget found = resolver.resolve(launchOrAttach);
            if (!session.targetFound(found) && launchOrAttach.isRequest("launch")) {
                // The client stopped while its run was starting: the run it launched goes too.
                found.terminate().run();
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            session.debuggeeFailed(DapErrorCode.of(e), sentence(e));
        }
    }

    /** What the user reads: our own sentence, or for a bug of ours a pointer to the log (never a class name). */
    static String sentence(Exception error) {
        if (AmlDebugException.kindOf(error) == ErrorKind.INTERNAL) {
            LOG.warn("Could not start or find the debuggee", error);
            return INTERNAL_FAILURE;
        }
        LOG.debug("Could not start or find the debuggee", error);
        return Objects.requireNonNullElse(error.getMessage(), INTERNAL_FAILURE);
    }
}

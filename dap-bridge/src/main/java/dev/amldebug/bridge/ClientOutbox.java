package dev.amldebug.bridge;

import dev.amldebug.bridge.protocol.DapMessage;
import dev.amldebug.bridge.protocol.DapWriter;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that goes to the client, in the order it was handed over. Messages still being
 * produced elsewhere (an exit code being looked up) hold back the ones after them; the threads
 * that hand messages over never wait for that.
 */
final class ClientOutbox {
    private static final Logger LOG = LoggerFactory.getLogger(ClientOutbox.class);

    private final DapWriter writer;
    private final DapTrace trace;
    private final OpenRequests openRequests;
    private final Runnable onLost;
    private CompletableFuture<Void> pending = CompletableFuture.completedFuture(null);

    ClientOutbox(DapWriter writer, DapTrace trace, OpenRequests openRequests, Runnable onLost) {
        this.writer = writer;
        this.trace = trace;
        this.openRequests = openRequests;
        this.onLost = onLost;
    }

    synchronized void send(DapMessage message) {
        if (message.isResponse()) {
            openRequests.answered(message);
        }
        if (pending.isDone()) {
            write(message);
        } else {
            afterPending(() -> write(message));
        }
    }

    synchronized void sendWhenReady(CompletionStage<List<DapMessage>> messages) {
        pending = keepGoing(pending.thenCombine(messages, (done, ready) -> ready)
                .thenAccept(ready -> ready.forEach(this::write)));
    }

    /** Runs {@code action} once everything handed over so far has been written. */
    synchronized void afterPending(Runnable action) {
        pending = keepGoing(pending.thenRun(action));
    }

    /** One failure must not hold back everything after it. */
    private static CompletableFuture<Void> keepGoing(CompletableFuture<Void> step) {
        return step.exceptionally(error -> {
            LOG.warn("A message for the debug client was lost", error);
            return null;
        });
    }

    private void write(DapMessage message) {
        trace.record("to-client", message);
        try {
            writer.write(message.bytes());
        } catch (IOException e) {
            LOG.debug("Client connection lost", e);
            onLost.run();
        }
    }
}

package dev.amldebug.bridge;

import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.bridge.intercept.SessionContext;
import dev.amldebug.bridge.intercept.Verdict;
import dev.amldebug.bridge.protocol.DapErrorCode;
import dev.amldebug.bridge.protocol.DapMessage;
import dev.amldebug.bridge.protocol.DapMessages;
import dev.amldebug.bridge.protocol.DapWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Everything one debug session knows, and where its messages go. All per-session state lives
 * here, not in the wiring around it, so that one process can hold several sessions at once.
 */
final class BridgeSession implements SessionContext {
    private final InterceptorChain chain;
    private final DapTrace trace;
    private final Executor executor;
    private final CompletableFuture<BridgeTarget> target = new CompletableFuture<>();
    private final AtomicInteger seq = new AtomicInteger(1_000_000);
    private final CountDownLatch ended = new CountDownLatch(1);
    private final OpenRequests openRequests = new OpenRequests();
    private final ReplayBuffer replay = new ReplayBuffer();
    private final ClientOutbox client;
    private volatile boolean debuggeeEnded;
    private volatile boolean clientLeft;

    BridgeSession(DapWriter clientWriter, InterceptorChain chain, DapTrace trace, Executor executor) {
        this.chain = chain;
        this.trace = trace;
        this.executor = executor;
        this.client = new ClientOutbox(clientWriter, trace, openRequests, this::endNow);
    }

    /** @return the message as it goes on towards debugpy, unless an interceptor answered or dropped it */
    Optional<DapMessage> fromClient(DapMessage message) {
        trace.record("client", message);
        if ("request".equals(message.type())) {
            openRequests.opened(message);
        }
        Verdict verdict = chain.fromClient(message, this);
        if (verdict instanceof Verdict.Forward forward) {
            replay.send(forward.message());
            return Optional.of(forward.message());
        }
        if (verdict instanceof Verdict.Answer answer) {
            toClient(answer.response());
        }
        return Optional.empty();
    }

    /** A message on a new connection to debugpy, as debugpy gets it. */
    DapMessage toDebuggee(DapMessage message, BridgeTarget known) {
        DapMessage out = chain.toDebuggee(message, known);
        trace.record("to-debugpy", out);
        return out;
    }

    void fromDebuggee(DapMessage message) {
        trace.record("debugpy", message);
        Verdict verdict = chain.fromDebuggee(message, this);
        if (verdict instanceof Verdict.Forward forward) {
            toClient(forward.message());
        } else if (verdict instanceof Verdict.Answer answer) {
            toClient(answer.response());
        }
    }

    void debuggeeConnected(Consumer<DapMessage> connection) {
        replay.connected(connection);
    }

    void debuggeeConfirmed() {
        replay.confirmed();
    }

    /** debugpy went away (the script ended, or its container died); after the session ended, nobody needs telling. */
    void debuggeeGone() {
        debuggeeEnded = true;
        if (hasEnded()) {
            return;
        }
        if (!clientLeft) {
            failOpenRequests(DapErrorCode.DEBUGGEE_ENDED, "debugpy went away before answering.");
        }
        chain.debuggeeGone(this);
    }

    /** debugpy could not be found or reached: every open request fails with the reason. */
    void debuggeeFailed(DapErrorCode code, String reason) {
        debuggeeEnded = true;
        failOpenRequests(code, reason);
        toClient(DapMessages.output(nextSeq(), "console", reason + "\n"));
        toClient(DapMessages.terminated(nextSeq()));
    }

    private void failOpenRequests(DapErrorCode code, String reason) {
        openRequests.failAll(code, reason, this::nextSeq).forEach(this::toClient);
    }

    /** @return false when the session ended first: nobody will ever talk to this target */
    boolean targetFound(BridgeTarget found) {
        return target.complete(found);
    }

    /** Runs {@code action} on the executor once the target is known; never if the session ends first. */
    void whenTargetFound(Consumer<BridgeTarget> action) {
        target.thenAcceptAsync(action, executor);
    }

    void awaitEnd() throws InterruptedException {
        ended.await();
    }

    /** Ends the session at once: the client is gone, or the bridge is closing. */
    void endNow() {
        ended.countDown();
        target.cancel(false);
    }

    boolean hasEnded() {
        return ended.getCount() == 0;
    }

    @Override
    public int nextSeq() {
        return seq.incrementAndGet();
    }

    @Override
    public void toClient(DapMessage message) {
        client.send(message);
    }

    @Override
    public void toClientWhenReady(CompletionStage<List<DapMessage>> messages) {
        client.sendWhenReady(messages);
    }

    @Override
    public Optional<BridgeTarget> target() {
        // Cancelled when the session ended before the target was found: then it stays unknown.
        boolean found = target.isDone() && !target.isCompletedExceptionally();
        return found ? Optional.of(target.join()) : Optional.empty();
    }

    @Override
    public boolean debuggeeEnded() {
        return debuggeeEnded;
    }

    @Override
    public void clientLeft() {
        clientLeft = true;
    }

    @Override
    public boolean hasClientLeft() {
        return clientLeft;
    }

    @Override
    public void endSession() {
        client.afterPending(this::endNow);
    }

    @Override
    public void terminateDebuggee() {
        target.thenAcceptAsync(known -> known.terminate().run(), executor);
    }

    @Override
    public Executor executor() {
        return executor;
    }
}

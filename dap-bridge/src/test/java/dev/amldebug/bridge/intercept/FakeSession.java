package dev.amldebug.bridge.intercept;

import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.bridge.target.PathMapping;
import dev.amldebug.bridge.protocol.DapMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** A session for one interceptor on its own: records what it is told, and runs blocking work only when asked. */
final class FakeSession implements SessionContext {
    final List<DapMessage> toClient = new ArrayList<>();
    final List<Runnable> work = new ArrayList<>();
    BridgeTarget target;
    boolean debuggeeEnded;
    boolean clientLeft;
    boolean ended;
    boolean terminated;
    private int seq = 500;

    static BridgeTarget target(Supplier<OptionalInt> exitCode) {
        return new BridgeTarget("127.0.0.1", 40123, List.of(new PathMapping("/local/code", "/aml/code")), true,
                BridgeTarget.DEFAULT_CONNECT_TIMEOUT, Set.of("runId", "job"), exitCode, () -> { });
    }

    FakeSession withTarget() {
        target = target(() -> OptionalInt.of(0));
        return this;
    }

    static DapMessage message(String json) {
        try {
            return DapMessage.parse(json.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    /** Runs the blocking work handed to the executor, as its threads would. */
    void runWork() {
        while (!work.isEmpty()) {
            work.remove(0).run();
        }
    }

    @Override
    public int nextSeq() {
        return ++seq;
    }

    @Override
    public void toClient(DapMessage message) {
        toClient.add(message);
    }

    @Override
    public void toClientWhenReady(CompletionStage<List<DapMessage>> messages) {
        messages.thenAccept(toClient::addAll);
    }

    @Override
    public Optional<BridgeTarget> target() {
        return Optional.ofNullable(target);
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
        ended = true;
    }

    @Override
    public void terminateDebuggee() {
        terminated = true;
    }

    @Override
    public Executor executor() {
        return work::add;
    }
}

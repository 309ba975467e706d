package dev.amldebug.bridge.intercept;

import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.bridge.protocol.DapMessage;
import dev.amldebug.bridge.protocol.DapMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * debugpy does not know the exit code of a process it attached to; the target (a container) does.
 * So {@code terminated} is held back until {@code exited} with that code has gone before it, and
 * when debugpy goes away without a {@code terminated}, the client gets both. Asking the target
 * may block (a container still stopping), so it happens on the session's executor.
 */
public final class ExitCode implements Interceptor {
    private final AtomicBoolean sawExited = new AtomicBoolean();
    private final AtomicBoolean sawTerminated = new AtomicBoolean();

    @Override
    public Verdict fromDebuggee(DapMessage message, SessionContext session) {
        if (message.isEvent("exited")) {
            sawExited.set(true);
        }
        if (!message.isEvent("terminated") || !sawTerminated.compareAndSet(false, true) || sawExited.get()) {
            return Verdict.forward(message);
        }
        session.toClientWhenReady(CompletableFuture.supplyAsync(() -> exitedThen(() -> message, session),
                session.executor()));
        return Verdict.drop();
    }

    @Override
    public void debuggeeGone(SessionContext session) {
        if (session.hasClientLeft() || !sawTerminated.compareAndSet(false, true)) {
            return;
        }
        session.toClientWhenReady(CompletableFuture.supplyAsync(
                () -> exitedThen(() -> DapMessages.terminated(session.nextSeq()), session), session.executor()));
    }

    private List<DapMessage> exitedThen(Supplier<DapMessage> terminated, SessionContext session) {
        List<DapMessage> messages = new ArrayList<>();
        if (!sawExited.get()) {
            OptionalInt exitCode = session.target().map(BridgeTarget::exitCode).orElse(OptionalInt::empty).get();
            if (exitCode.isPresent()) {
                sawExited.set(true);
                messages.add(DapMessages.exited(session.nextSeq(), exitCode.getAsInt()));
            }
        }
        messages.add(terminated.get());
        return messages;
    }
}

package dev.amldebug.bridge.intercept;

import static dev.amldebug.bridge.intercept.FakeSession.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.bridge.protocol.DapMessage;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExitCodeTest {
    private static final DapMessage TERMINATED = message("{\"seq\":35,\"type\":\"event\",\"event\":\"terminated\"}");
    private static final DapMessage EXITED = message(
            "{\"seq\":34,\"type\":\"event\",\"event\":\"exited\",\"body\":{\"exitCode\":1}}");

    private final ExitCode interceptor = new ExitCode();

    private static FakeSession withExitCode(OptionalInt exitCode, AtomicInteger lookups) {
        FakeSession session = new FakeSession();
        session.target = FakeSession.target(() -> {
            lookups.incrementAndGet();
            return exitCode;
        });
        return session;
    }

    @Test
    void sendsExitedWithTheTargetsExitCodeBeforeDebugpysTerminated() {
        FakeSession session = withExitCode(OptionalInt.of(3), new AtomicInteger());
        assertThat(interceptor.fromDebuggee(TERMINATED, session)).isEqualTo(Verdict.drop());
        session.runWork();
        assertThat(session.toClient).hasSize(2);
        assertThat(session.toClient.get(0).isEvent("exited")).isTrue();
        assertThat(session.toClient.get(0).get("body").get("exitCode").asInt()).isEqualTo(3);
        assertThat(session.toClient.get(1)).as("debugpy's own, byte for byte").isSameAs(TERMINATED);
    }

    @Test
    void asksForTheExitCodeOnTheExecutorNotOnTheReadersThread() {
        AtomicInteger lookups = new AtomicInteger();
        FakeSession session = withExitCode(OptionalInt.of(3), lookups);
        interceptor.fromDebuggee(TERMINATED, session);
        assertThat(lookups).hasValue(0);
        assertThat(session.toClient).isEmpty();
        assertThat(session.work).hasSize(1);
        session.runWork();
        assertThat(lookups).hasValue(1);
    }

    @Test
    void forwardsTerminatedWhenDebugpySentExitedItself() {
        AtomicInteger lookups = new AtomicInteger();
        FakeSession session = withExitCode(OptionalInt.of(3), lookups);
        assertThat(interceptor.fromDebuggee(EXITED, session)).isEqualTo(Verdict.forward(EXITED));
        assertThat(interceptor.fromDebuggee(TERMINATED, session)).isEqualTo(Verdict.forward(TERMINATED));
        interceptor.debuggeeGone(session);
        assertThat(session.work).isEmpty();
        assertThat(lookups).hasValue(0);
    }

    @Test
    void sendsTerminatedAloneWhenTheExitCodeIsUnknown() {
        FakeSession session = withExitCode(OptionalInt.empty(), new AtomicInteger());
        interceptor.fromDebuggee(TERMINATED, session);
        session.runWork();
        assertThat(session.toClient).containsExactly(TERMINATED);
    }

    @Test
    void sendsExitedAndTerminatedWhenDebugpyWentAwayWithoutThem() {
        FakeSession session = withExitCode(OptionalInt.of(0), new AtomicInteger());
        interceptor.debuggeeGone(session);
        session.runWork();
        assertThat(session.toClient).extracting(DapMessage::event).containsExactly("exited", "terminated");
    }

    @Test
    void addsNothingWhenDebugpyGoesAwayAfterItsTerminated() {
        FakeSession session = withExitCode(OptionalInt.of(0), new AtomicInteger());
        interceptor.fromDebuggee(TERMINATED, session);
        session.runWork();
        interceptor.debuggeeGone(session);
        session.runWork();
        assertThat(session.toClient).extracting(DapMessage::event).containsExactly("exited", "terminated");
    }

    @Test
    void tellsNothingWhenDebugpyGoesAwayAfterTheClientLeft() {
        FakeSession session = withExitCode(OptionalInt.of(0), new AtomicInteger());
        session.clientLeft = true;
        interceptor.debuggeeGone(session);
        session.runWork();
        assertThat(session.toClient).isEmpty();
    }
}

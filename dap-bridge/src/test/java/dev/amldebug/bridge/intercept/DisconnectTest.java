package dev.amldebug.bridge.intercept;

import static dev.amldebug.bridge.intercept.FakeSession.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.bridge.protocol.DapMessage;
import org.junit.jupiter.api.Test;

class DisconnectTest {
    private static final DapMessage DISCONNECT = message(
            "{\"seq\":9,\"type\":\"request\",\"command\":\"disconnect\",\"arguments\":{\"terminateDebuggee\":false}}");
    private static final DapMessage DISCONNECT_AND_TERMINATE = message(
            "{\"seq\":9,\"type\":\"request\",\"command\":\"disconnect\",\"arguments\":{\"terminateDebuggee\":true}}");
    private static final DapMessage DEBUGPYS_ANSWER = message(
            "{\"seq\":40,\"type\":\"response\",\"request_seq\":9,\"success\":true,\"command\":\"disconnect\"}");

    private final Disconnect interceptor = new Disconnect();

    @Test
    void answersDisconnectHereAndEndsTheSessionWhenNoTargetIsKnown() {
        FakeSession session = new FakeSession();
        assertThat(interceptor.fromClient(DISCONNECT, session)).isEqualTo(Verdict.drop());
        assertThat(session.toClient).singleElement().satisfies(answer -> {
            assertThat(answer.get("request_seq").asInt()).isEqualTo(9);
            assertThat(answer.get("success").asBoolean()).isTrue();
        });
        assertThat(session.ended).isTrue();
        assertThat(session.clientLeft).isTrue();
    }

    @Test
    void answersDisconnectHereWhenTheDebuggeeHasEnded() {
        FakeSession session = new FakeSession().withTarget();
        session.debuggeeEnded = true;
        assertThat(interceptor.fromClient(DISCONNECT, session)).isEqualTo(Verdict.drop());
        assertThat(session.toClient).hasSize(1);
        assertThat(session.ended).isTrue();
    }

    @Test
    void forwardsDisconnectWhileDebugpyIsThere() {
        FakeSession session = new FakeSession().withTarget();
        assertThat(interceptor.fromClient(DISCONNECT, session)).isEqualTo(Verdict.forward(DISCONNECT));
        assertThat(session.toClient).isEmpty();
        assertThat(session.ended).isFalse();
        assertThat(session.clientLeft).isTrue();
    }

    @Test
    void terminatesTheDebuggeeOnlyWhenTheClientAsks() {
        FakeSession keep = new FakeSession().withTarget();
        interceptor.fromClient(DISCONNECT, keep);
        assertThat(keep.terminated).isFalse();
        FakeSession end = new FakeSession();
        interceptor.fromClient(DISCONNECT_AND_TERMINATE, end);
        assertThat(end.terminated).isTrue();
    }

    @Test
    void endsTheSessionOnceDebugpysAnswerToDisconnectWentToTheClient() {
        FakeSession session = new FakeSession().withTarget();
        assertThat(interceptor.fromDebuggee(DEBUGPYS_ANSWER, session)).isEqualTo(Verdict.drop());
        assertThat(session.toClient).containsExactly(DEBUGPYS_ANSWER);
        assertThat(session.ended).isTrue();
    }

    @Test
    void endsTheSessionWhenDebugpyGoesAwayAfterTheClientLeft() {
        FakeSession session = new FakeSession().withTarget();
        interceptor.debuggeeGone(session);
        assertThat(session.ended).as("the client is still there").isFalse();
        session.clientLeft = true;
        interceptor.debuggeeGone(session);
        assertThat(session.ended).isTrue();
    }
}

package dev.amldebug.bridge.intercept;

import static dev.amldebug.bridge.intercept.FakeSession.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.bridge.protocol.DapMessage;
import org.junit.jupiter.api.Test;

class InitializeBeforeTargetTest {
    private static final DapMessage INITIALIZE = message("{\"seq\":1,\"type\":\"request\",\"command\":\"initialize\"}");
    private static final DapMessage DEBUGPYS_ANSWER = message(
            "{\"seq\":3,\"type\":\"response\",\"request_seq\":1,\"success\":true,\"command\":\"initialize\"}");

    private final InitializeBeforeTarget interceptor = new InitializeBeforeTarget(
            message("{\"supportsConditionalBreakpoints\":true}").copyJson());

    @Test
    void answersInitializeWhenTheTargetIsNotKnownYet() {
        FakeSession session = new FakeSession();
        Verdict verdict = interceptor.fromClient(INITIALIZE, session);
        assertThat(verdict).as("debugpy must still get it first").isEqualTo(Verdict.forward(INITIALIZE));
        assertThat(session.toClient).singleElement().satisfies(answer -> {
            assertThat(answer.isResponse()).isTrue();
            assertThat(answer.get("request_seq").asInt()).isEqualTo(1);
            assertThat(answer.get("success").asBoolean()).isTrue();
            assertThat(answer.get("body").get("supportsConditionalBreakpoints").asBoolean()).isTrue();
        });
    }

    @Test
    void dropsDebugpysOwnAnswerToAnInitializeAnsweredHere() {
        FakeSession session = new FakeSession();
        interceptor.fromClient(INITIALIZE, session);
        session.withTarget();
        assertThat(interceptor.fromDebuggee(DEBUGPYS_ANSWER, session)).isEqualTo(Verdict.drop());
    }

    @Test
    void leavesInitializeToDebugpyWhenTheTargetIsKnown() {
        FakeSession session = new FakeSession().withTarget();
        assertThat(interceptor.fromClient(INITIALIZE, session)).isEqualTo(Verdict.forward(INITIALIZE));
        assertThat(session.toClient).isEmpty();
        assertThat(interceptor.fromDebuggee(DEBUGPYS_ANSWER, session)).isEqualTo(Verdict.forward(DEBUGPYS_ANSWER));
    }
}

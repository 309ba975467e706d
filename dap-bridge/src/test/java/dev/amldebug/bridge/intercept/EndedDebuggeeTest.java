package dev.amldebug.bridge.intercept;

import static dev.amldebug.bridge.intercept.FakeSession.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.bridge.protocol.DapErrorCode;
import dev.amldebug.bridge.protocol.DapMessage;
import org.junit.jupiter.api.Test;

class EndedDebuggeeTest {
    private static final DapMessage STACK_TRACE = message(
            "{\"seq\":12,\"type\":\"request\",\"command\":\"stackTrace\",\"arguments\":{\"threadId\":1}}");

    private final EndedDebuggee interceptor = new EndedDebuggee();

    @Test
    void answersRequestsWithAnErrorOnceTheDebuggeeHasEnded() {
        FakeSession session = new FakeSession().withTarget();
        session.debuggeeEnded = true;
        Verdict verdict = interceptor.fromClient(STACK_TRACE, session);
        assertThat(verdict).isInstanceOfSatisfying(Verdict.Answer.class, answer -> {
            DapMessage error = answer.response();
            assertThat(error.get("request_seq").asInt()).isEqualTo(12);
            assertThat(error.command()).isEqualTo("stackTrace");
            assertThat(error.get("success").asBoolean()).isFalse();
            assertThat(error.get("message").asText()).isEqualTo("The debuggee has ended.");
            assertThat(error.get("body").get("error").get("id").asInt()).isEqualTo(DapErrorCode.DEBUGGEE_ENDED.id());
        });
    }

    @Test
    void forwardsRequestsWhileTheDebuggeeRuns() {
        FakeSession session = new FakeSession().withTarget();
        assertThat(interceptor.fromClient(STACK_TRACE, session)).isEqualTo(Verdict.forward(STACK_TRACE));
    }

    @Test
    void leavesDisconnectToBeAnsweredAsADisconnect() {
        FakeSession session = new FakeSession();
        session.debuggeeEnded = true;
        DapMessage disconnect = message("{\"seq\":13,\"type\":\"request\",\"command\":\"disconnect\"}");
        assertThat(interceptor.fromClient(disconnect, session)).isEqualTo(Verdict.forward(disconnect));
    }
}

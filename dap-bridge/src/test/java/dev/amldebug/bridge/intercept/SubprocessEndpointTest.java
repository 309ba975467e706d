package dev.amldebug.bridge.intercept;

import static dev.amldebug.bridge.intercept.FakeSession.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.bridge.protocol.DapMessage;
import org.junit.jupiter.api.Test;

class SubprocessEndpointTest {
    private final SubprocessEndpoint interceptor = new SubprocessEndpoint();

    @Test
    void pointsASubprocessAttachAtTheAddressTheBridgeReachesDebugpyAt() {
        FakeSession session = new FakeSession().withTarget();
        DapMessage event = message("{\"seq\":5,\"type\":\"event\",\"event\":\"debugpyAttach\",\"body\":"
                + "{\"subProcessId\":37,\"connect\":{\"host\":\"172.17.0.2\",\"port\":5678}}}");
        Verdict verdict = interceptor.fromDebuggee(event, session);
        assertThat(verdict).isInstanceOfSatisfying(Verdict.Forward.class, forward -> {
            DapMessage out = forward.message();
            assertThat(out.get("body").get("connect").get("host").asText()).isEqualTo("127.0.0.1");
            assertThat(out.get("body").get("connect").get("port").asInt()).isEqualTo(40123);
            assertThat(out.get("body").get("subProcessId").asInt()).isEqualTo(37);
        });
        assertThat(session.toClient).isEmpty();
    }

    @Test
    void leavesOtherEventsUntouched() {
        DapMessage stopped = message("{\"seq\":6,\"type\":\"event\",\"event\":\"stopped\",\"body\":{\"threadId\":1}}");
        assertThat(interceptor.fromDebuggee(stopped, new FakeSession().withTarget())).isEqualTo(Verdict.forward(stopped));
    }
}

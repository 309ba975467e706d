package dev.amldebug.bridge.intercept;

import static dev.amldebug.bridge.intercept.FakeSession.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.bridge.protocol.DapMessage;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LaunchAsAttachTest {
    private static final BridgeTarget TARGET = FakeSession.target(OptionalInt::empty);
    private static final DapMessage LAUNCH = message(
            "{\"seq\":2,\"type\":\"request\",\"command\":\"launch\",\"arguments\":{\"job\":\"job.yml\"}}");
    private static final DapMessage ANSWER = message(
            "{\"seq\":8,\"type\":\"response\",\"request_seq\":2,\"success\":true,\"command\":\"attach\"}");

    private final LaunchAsAttach interceptor = new LaunchAsAttach();

    @Test
    void asksDebugpyToAttachForALaunchTheSameWayEachTimeItIsSent() {
        FakeSession session = new FakeSession();
        assertThat(interceptor.fromClient(LAUNCH, session)).isEqualTo(Verdict.forward(LAUNCH));
        DapMessage first = interceptor.toDebuggee(LAUNCH, TARGET);
        DapMessage replayed = interceptor.toDebuggee(LAUNCH, TARGET);
        assertThat(first.command()).isEqualTo("attach");
        assertThat(first.get("arguments").get("job").asText()).isEqualTo("job.yml");
        assertThat(replayed.bytes()).isEqualTo(first.bytes());
    }

    @Test
    void answersTheLaunchAsALaunch() {
        FakeSession session = new FakeSession().withTarget();
        interceptor.fromClient(LAUNCH, session);
        Verdict verdict = interceptor.fromDebuggee(ANSWER, session);
        assertThat(verdict).isInstanceOfSatisfying(Verdict.Forward.class,
                forward -> assertThat(forward.message().command()).isEqualTo("launch"));
    }

    @Test
    void leavesAnswersToARealAttachAlone() {
        FakeSession session = new FakeSession().withTarget();
        assertThat(interceptor.fromDebuggee(ANSWER, session)).isEqualTo(Verdict.forward(ANSWER));
    }
}

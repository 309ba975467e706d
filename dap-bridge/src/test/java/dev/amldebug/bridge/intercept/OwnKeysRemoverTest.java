package dev.amldebug.bridge.intercept;

import static dev.amldebug.bridge.intercept.FakeSession.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.bridge.protocol.DapMessage;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OwnKeysRemoverTest {
    private static final BridgeTarget TARGET = FakeSession.target(OptionalInt::empty);

    private final OwnKeysRemover interceptor = new OwnKeysRemover();

    @Test
    void removesTheKeysTheTargetConsumedFromLaunchAndAttach() {
        for (String command : new String[] {"launch", "attach"}) {
            DapMessage request = message("{\"seq\":2,\"type\":\"request\",\"command\":\"" + command
                    + "\",\"arguments\":{\"runId\":\"r1\",\"job\":\"job.yml\",\"justMyCode\":false}}");
            DapMessage out = interceptor.toDebuggee(request, TARGET);
            assertThat(out.get("arguments").has("runId")).as(command).isFalse();
            assertThat(out.get("arguments").has("job")).as(command).isFalse();
            assertThat(out.get("arguments").get("justMyCode").asBoolean()).as(command).isFalse();
        }
    }

    @Test
    void keepsKeysTheTargetDidNotConsume() {
        DapMessage attach = message("{\"seq\":2,\"type\":\"request\",\"command\":\"attach\",\"arguments\":{\"runId\":\"r1\"}}");
        BridgeTarget plain = TARGET.withOwnKeys(Set.of());
        assertThat(interceptor.toDebuggee(attach, plain)).isSameAs(attach);
    }

    @Test
    void leavesOtherRequestsUntouched() {
        DapMessage evaluate = message("{\"seq\":5,\"type\":\"request\",\"command\":\"evaluate\",\"arguments\":{\"job\":1}}");
        assertThat(interceptor.toDebuggee(evaluate, TARGET)).isSameAs(evaluate);
    }
}

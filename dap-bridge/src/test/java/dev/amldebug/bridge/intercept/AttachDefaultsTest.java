package dev.amldebug.bridge.intercept;

import static dev.amldebug.bridge.intercept.FakeSession.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.bridge.protocol.DapMessage;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class AttachDefaultsTest {
    private static final BridgeTarget TARGET = FakeSession.target(OptionalInt::empty);

    private final AttachDefaults interceptor = new AttachDefaults();

    @Test
    void addsTheTargetsPathMappingsAndJustMyCodeToAttach() {
        DapMessage attach = message("{\"seq\":2,\"type\":\"request\",\"command\":\"attach\",\"arguments\":{}}");
        DapMessage out = interceptor.toDebuggee(attach, TARGET);
        assertThat(out.get("arguments").get("pathMappings").get(0).get("localRoot").asText()).isEqualTo("/local/code");
        assertThat(out.get("arguments").get("pathMappings").get(0).get("remoteRoot").asText()).isEqualTo("/aml/code");
        assertThat(out.get("arguments").get("justMyCode").asBoolean()).isTrue();
    }

    @Test
    void keepsTheClientsOwnPathMappingsAndJustMyCode() {
        DapMessage attach = message("{\"seq\":2,\"type\":\"request\",\"command\":\"attach\",\"arguments\":"
                + "{\"pathMappings\":[{\"localRoot\":\"/mine\",\"remoteRoot\":\"/app\"}],\"justMyCode\":false}}");
        assertThat(interceptor.toDebuggee(attach, TARGET)).isSameAs(attach);
    }

    @Test
    void leavesOtherRequestsUntouched() {
        DapMessage launch = message("{\"seq\":2,\"type\":\"request\",\"command\":\"launch\",\"arguments\":{}}");
        assertThat(interceptor.toDebuggee(launch, TARGET)).isSameAs(launch);
    }
}

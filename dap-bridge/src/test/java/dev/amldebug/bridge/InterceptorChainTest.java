package dev.amldebug.bridge;

import dev.amldebug.bridge.target.BridgeTarget;
import static dev.amldebug.bridge.Messages.message;
import static dev.amldebug.bridge.Messages.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.bridge.intercept.Interceptor;
import dev.amldebug.bridge.intercept.SessionContext;
import dev.amldebug.bridge.intercept.Verdict;
import dev.amldebug.bridge.protocol.DapMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterceptorChainTest {
    private final List<String> seen = new ArrayList<>();

    private Interceptor named(String name, Verdict verdictFromClient) {
        return new Interceptor() {
            @Override
            public Verdict fromClient(DapMessage message, SessionContext session) {
                seen.add(name);
                return verdictFromClient == null ? Verdict.forward(message) : verdictFromClient;
            }

            @Override
            public Verdict fromDebuggee(DapMessage message, SessionContext session) {
                seen.add(name);
                return Verdict.forward(message);
            }

            @Override
            public void debuggeeGone(SessionContext session) {
                seen.add(name + " gone");
            }
        };
    }

    @Test
    void clientMessagesPassInOrderAndDebugpysInReverse() {
        InterceptorChain chain = new InterceptorChain(List.of(named("client side", null), named("debugpy side", null)));
        chain.fromClient(request(1, "threads"), null);
        chain.fromDebuggee(message("{\"seq\":1,\"type\":\"event\",\"event\":\"stopped\"}"), null);
        chain.debuggeeGone(null);
        assertThat(seen).containsExactly("client side", "debugpy side", "debugpy side", "client side",
                "debugpy side gone", "client side gone");
    }

    @Test
    void anAnswerStopsTheMessageWhereItIs() {
        Verdict answer = Verdict.answer(message("{\"seq\":9,\"type\":\"response\",\"request_seq\":1}"));
        InterceptorChain chain = new InterceptorChain(List.of(named("first", answer), named("second", null)));
        assertThat(chain.fromClient(request(1, "threads"), null)).isSameAs(answer);
        assertThat(seen).containsExactly("first");
    }

    @Test
    void eachRewriteIsSeenByTheNext() {
        Interceptor rename = new Interceptor() {
            @Override
            public DapMessage toDebuggee(DapMessage message, BridgeTarget target) {
                return request(message.seq(), "attach");
            }
        };
        List<String> commands = new ArrayList<>();
        Interceptor record = new Interceptor() {
            @Override
            public DapMessage toDebuggee(DapMessage message, BridgeTarget target) {
                commands.add(message.command());
                return message;
            }
        };
        DapMessage out = new InterceptorChain(List.of(rename, record)).toDebuggee(request(2, "launch"),
                BridgeTarget.of("127.0.0.1", 5678, List.of()));
        assertThat(commands).containsExactly("attach");
        assertThat(out.command()).isEqualTo("attach");
    }
}

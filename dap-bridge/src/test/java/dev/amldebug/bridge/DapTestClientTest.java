package dev.amldebug.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.bridge.protocol.DapMessage;
import dev.amldebug.bridge.testing.DapTestClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.debug.StartDebuggingRequestArguments;
import org.junit.jupiter.api.Test;

/** The tests' DAP client, against a scripted adapter: what other modules' integration tests rely on. */
class DapTestClientTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void aChildConfigurationFromStartDebuggingGoesBackInAttachWithItsIntegersIntact() throws Exception {
        try (LoopbackPair pair = LoopbackPair.open();
                DapTestClient client = new DapTestClient(pair.left().getInputStream(), pair.left().getOutputStream(),
                        pair.left())) {
            DapPeer adapter = new DapPeer(pair.right().getInputStream(), pair.right().getOutputStream(), pair.right());
            adapter.send("{\"seq\":1,\"type\":\"request\",\"command\":\"startDebugging\",\"arguments\":{\"request\":"
                    + "\"attach\",\"configuration\":{\"name\":\"rank 0\",\"hubPort\":41235,\"rank\":0}}}");
            assertThat(adapter.await(m -> m.isResponse(), WAIT).get("success").asBoolean()).isTrue();
            Map<String, ?> configuration = client.await(StartDebuggingRequestArguments.class).getConfiguration();

            CompletableFuture<Void> attached = CompletableFuture.supplyAsync(() -> {
                try {
                    return client.attach(configuration, "/code/train.py", 4);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }).thenCompose(response -> response);
            DapMessage attach = adapter.await(m -> m.isRequest("attach"), WAIT);
            assertThat(attach.get("arguments").get("hubPort").isInt()).isTrue();
            assertThat(attach.get("arguments").get("hubPort").asInt()).isEqualTo(41235);
            adapter.send("{\"seq\":2,\"type\":\"event\",\"event\":\"initialized\"}");
            DapMessage breakpoints = adapter.await(m -> m.isRequest("setBreakpoints"), WAIT);
            assertThat(breakpoints.get("arguments").get("breakpoints").get(0).get("line").asInt()).isEqualTo(4);
            adapter.send(response(3, breakpoints, "{\"breakpoints\":[]}"));
            DapMessage done = adapter.await(m -> m.isRequest("configurationDone"), WAIT);
            adapter.send(response(4, done, "{}"));
            adapter.send(response(5, attach, "{}"));
            client.answer(attached);
        }
    }

    private static String response(int seq, DapMessage request, String body) {
        return "{\"seq\":" + seq + ",\"type\":\"response\",\"request_seq\":" + request.seq() + ",\"success\":true,"
                + "\"command\":\"" + request.command() + "\",\"body\":" + body + "}";
    }
}

package dev.amldebug.bridge;

import dev.amldebug.bridge.target.PathMapping;
import dev.amldebug.bridge.target.BridgeTarget;
import static dev.amldebug.bridge.DapPeer.request;
import static dev.amldebug.bridge.DapPeer.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.amldebug.bridge.hub.DebugHub;
import dev.amldebug.bridge.hub.Debuggee;
import dev.amldebug.bridge.hub.HubChild;
import dev.amldebug.bridge.hub.HubListener;
import dev.amldebug.bridge.hub.HubParent;
import dev.amldebug.bridge.protocol.DapErrorCode;
import dev.amldebug.bridge.protocol.DapMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The debug hub against fake debuggees on loopback: handshakes, child and parent sessions, tickets. */
class DebugHubTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Debuggee> joined = new CopyOnWriteArrayList<>();
    private final List<Debuggee> left = new CopyOnWriteArrayList<>();
    private DebugHub hub;

    @BeforeEach
    void startHub() throws IOException {
        hub = DebugHub.start(InetAddress.getLoopbackAddress(), 0, executor);
        hub.addListener(new HubListener() {
            @Override
            public void joined(Debuggee debuggee) {
                joined.add(debuggee);
            }

            @Override
            public void left(Debuggee debuggee) {
                left.add(debuggee);
            }
        });
    }

    @AfterEach
    void closeHub() {
        hub.close();
        executor.shutdownNow();
    }

    private Socket dial(String firstLine) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), hub.address().getPort());
        socket.getOutputStream().write((firstLine + "\n").getBytes(StandardCharsets.UTF_8));
        return socket;
    }

    private static String hello(String token, Integer rank, Integer node) {
        return "AML_DEBUG_HELLO {\"token\": " + (token == null ? "null" : "\"" + token + "\"") + ", \"run\": \"r1\","
                + " \"node\": " + node + ", \"rank\": " + rank + ", \"localRank\": 1, \"pid\": 42}";
    }

    /** A debuggee that was let in: the hub's welcome read, then DAP on the same connection. */
    private DapPeer debuggee(int rank) throws IOException {
        Socket socket = dial(hello(hub.token(), rank, rank / 2));
        assertThat(readLine(socket.getInputStream())).isEqualTo("AML_DEBUG_WELCOME");
        return new DapPeer(socket.getInputStream(), socket.getOutputStream(), socket);
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.append((char) b);
        }
        return line.toString();
    }

    @Test
    void letsInADebuggeeThatSaysHelloWithTheTokenAndNamesItByRankAndNode() throws Exception {
        debuggee(3);
        await().atMost(WAIT).until(() -> joined.size() == 1);
        Debuggee rank3 = joined.get(0);
        assertThat(rank3.name()).isEqualTo("rank 3 (node 1)");
        assertThat(List.of(rank3.run(), rank3.localRank(), rank3.pid())).containsExactly("r1", 1, 42L);
        assertThat(hub.debuggees()).containsExactly(rank3);
    }

    @Test
    void refusesAConnectionWithoutTheTokenOrWithAWrongOneAndNeverLogsTheToken() throws Exception {
        String wrong = "0123456789abcdef";
        String logged = LogCapture.during(() -> {
            for (String line : List.of(hello(null, 0, 0), hello(wrong, 0, 0), "Content-Length: 2", "")) {
                try (Socket socket = dial(line)) {
                    assertThat(socket.getInputStream().read()).as("refused: closed, nothing said").isEqualTo(-1);
                }
            }
        });
        assertThat(joined).isEmpty();
        assertThat(logged.lines().filter(l -> l.contains("refused a connection"))).hasSize(4);
        assertThat(logged).contains("without a token", "wrong token", "did not start with the hub's hello")
                .doesNotContain(hub.token()).doesNotContain(wrong);
    }

    @Test
    void aChildSessionInThisProcessTalksToItsDebuggeeAndItsEndIsTheDebuggeesLeave() throws Exception {
        DapPeer debugpy = debuggee(0);
        await().atMost(WAIT).until(() -> joined.size() == 1);
        BridgeTarget target = hub.target(joined.get(0), List.of(new PathMapping("/local", "/aml/code")), false);
        try (BridgeHarness harness = BridgeHarness.to(target, DapTrace.NONE)) {
            harness.client.send(request(1, "initialize", "{\"adapterID\":\"python\"}"));
            harness.client.send(request(2, "attach", "{}"));
            assertThat(debugpy.next(WAIT).command()).isEqualTo("initialize");
            JsonNode attach = debugpy.next(WAIT).get("arguments");
            assertThat(attach.get("justMyCode").asBoolean()).isFalse();
            assertThat(attach.get("pathMappings").get(0).get("remoteRoot").asText()).isEqualTo("/aml/code");
            debugpy.send("{\"seq\":1,\"type\":\"event\",\"event\":\"initialized\"}");
            harness.client.await(DapPeer.event("initialized"), WAIT);
            debugpy.close();
            await().atMost(WAIT).until(() -> left.size() == 1);
        }
    }

    @Test
    void aTicketHandsItsDebuggeeToASessionInAnotherProcessOnce() throws Exception {
        DapPeer debugpy = debuggee(2);
        await().atMost(WAIT).until(() -> joined.size() == 1);
        JsonNode configuration = HubChild.configuration(joined.get(0), hub.ticket(joined.get(0)));
        assertThat(configuration.toString()).doesNotContain(hub.token());
        try (BridgeHarness harness = BridgeHarness.resolving(request -> HubChild.target(request.get("arguments")))) {
            harness.client.send(request(1, "initialize", "{\"adapterID\":\"python\"}"));
            harness.client.send(request(2, "attach", configuration.toString()));
            assertThat(debugpy.next(WAIT).command()).isEqualTo("initialize");
            JsonNode attach = debugpy.next(WAIT).get("arguments");
            assertThat(attach.has(HubChild.TICKET_KEY)).as("our keys stay ours").isFalse();
            assertThat(attach.get("name").asText()).isEqualTo("rank 2 (node 1)");
        }
        try (BridgeHarness again = BridgeHarness.resolving(request -> HubChild.target(request.get("arguments")))) {
            again.client.send(request(1, "attach", configuration.toString()));
            assertThat(again.client.await(response(1), Duration.ofSeconds(20)).get("success").asBoolean())
                    .as("a spent ticket takes nobody").isFalse();
        }
    }

    @Test
    void aParentSessionAsksItsClientForAChildSessionPerDebuggee() throws Exception {
        debuggee(0);
        BridgeTarget run = BridgeTarget.of("127.0.0.1", 1, List.of(new PathMapping("/local", "/aml/code")));
        try (BridgeHarness harness = BridgeHarness.to(HubParent.target(hub, run, executor), DapTrace.NONE)) {
            harness.client.send(request(1, "initialize", "{\"adapterID\":\"azureml\",\"supportsStartDebuggingRequest\":true}"));
            harness.client.send(request(2, "attach", "{\"runId\":\"r1\"}"));
            assertThat(harness.client.await(response(2), WAIT).get("success").asBoolean()).isTrue();
            DapMessage first = harness.client.await(m -> m.isRequest("startDebugging"), WAIT);
            debuggee(1);
            DapMessage second = harness.client.await(m -> m.isRequest("startDebugging"), WAIT);
            for (DapMessage start : List.of(first, second)) {
                assertThat(start.get("arguments").get("request").asText()).isEqualTo("attach");
                JsonNode configuration = start.get("arguments").get("configuration");
                assertThat(configuration.get("pathMappings").get(0).get("localRoot").asText()).isEqualTo("/local");
                assertThat(configuration.has(HubChild.TICKET_KEY)).isTrue();
            }
            assertThat(List.of(first, second)).extracting(m -> m.get("arguments").get("configuration").get("name")
                    .asText()).containsExactly("rank 0 (node 0)", "rank 1 (node 0)");
            hub.close();
            harness.client.await(DapPeer.event("terminated"), WAIT);
        }
    }

    @Test
    void aParentSessionSaysSoWhenItsClientCannotStartChildSessions() throws Exception {
        BridgeTarget run = BridgeTarget.of("127.0.0.1", 1, List.of());
        try (BridgeHarness harness = BridgeHarness.to(HubParent.target(hub, run, executor), DapTrace.NONE)) {
            harness.client.send(request(1, "initialize", "{\"adapterID\":\"azureml\"}"));
            harness.client.send(request(2, "attach", "{}"));
            DapMessage refused = harness.client.await(response(2), WAIT);
            assertThat(refused.get("success").asBoolean()).isFalse();
            assertThat(refused.get("body").get("error").get("id").asInt()).isEqualTo(DapErrorCode.NO_CHILD_SESSIONS.id());
            assertThat(refused.get("message").asText()).contains("does not support DAP's startDebugging request");
        }
    }

    @Test
    void closingTheHubClosesEveryConnectionItHolds() throws Exception {
        DapPeer waiting = debuggee(0);
        await().atMost(WAIT).until(() -> joined.size() == 1);
        hub.close();
        assertThat(waiting.closed(WAIT)).isTrue();
    }
}

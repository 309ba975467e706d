package dev.amldebug.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.bridge.protocol.DapMessage;
import dev.amldebug.bridge.target.PathMapping;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Replays a real debug session (recorded with --trace-dap from debugpy 1.6.3) through the
 * bridge: a fake debugpy answers exactly as the real one did, and both ends must see the
 * other's messages byte for byte, except the deliberate changes: attach gains path mappings, and
 * an exited event with the container's exit code comes before terminated.
 */
class RecordedSessionReplayTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Where the recorded session's script was. */
    private static final String CODE = "/tmp/shimt";

    record Entry(boolean fromClient, byte[] bytes) {
    }

    private static List<Entry> recorded() throws Exception {
        List<Entry> entries = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                RecordedSessionReplayTest.class.getResourceAsStream("recorded-session.jsonl"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                JsonNode entry = DapMessage.JSON.readTree(line);
                entries.add(new Entry(entry.get("from").asText().equals("client"),
                        DapMessage.JSON.writeValueAsBytes(entry.get("message"))));
            }
        }
        return entries;
    }

    @Test
    void everyMessageCrossesUnchangedExceptTheAttachRewrite() throws Exception {
        List<Entry> session = recorded();
        assertThat(session).hasSizeGreaterThan(40);
        try (ServerSocket debugpy = BridgeHarness.fakeDebugpy();
             // The recorded script's folder, mapped: a breakpoint outside every mapped folder would stay in the bridge.
             BridgeHarness harness = BridgeHarness.to(debugpy.getLocalPort(), WAIT, 0, new PathMapping(CODE, "/aml/code"))) {
            CompletableFuture<List<DapMessage>> debugpyReceived = CompletableFuture.supplyAsync(() -> playDebugpy(debugpy, session));
            for (Entry entry : session) {
                if (entry.fromClient()) {
                    harness.client.send(entry.bytes());
                }
            }
            List<DapMessage> atDebugpy = debugpyReceived.get();
            List<byte[]> sentByClient = session.stream().filter(Entry::fromClient).map(Entry::bytes).toList();
            assertThat(atDebugpy).hasSameSizeAs(sentByClient);
            for (int i = 0; i < sentByClient.size(); i++) {
                DapMessage original = DapMessage.parse(sentByClient.get(i));
                if (original.isRequest("attach")) {
                    ObjectNode expected = original.copyJson();
                    expected.withObject("/arguments").putArray("pathMappings").addObject()
                            .put("localRoot", CODE).put("remoteRoot", "/aml/code");
                    expected.withObject("/arguments").put("justMyCode", true);
                    assertThat(atDebugpy.get(i).copyJson()).isEqualTo(expected);
                } else {
                    assertThat(new String(atDebugpy.get(i).bytes(), StandardCharsets.UTF_8))
                            .isEqualTo(new String(sentByClient.get(i), StandardCharsets.UTF_8));
                }
            }
            List<byte[]> sentByDebugpy = session.stream().filter(e -> !e.fromClient()).map(Entry::bytes).toList();
            // One deliberate addition: debugpy cannot know an attached process's exit code, the container can.
            harness.client.await(m -> harness.client.received.size() >= sentByDebugpy.size() + 1, WAIT);
            List<DapMessage> atClient = new ArrayList<>(harness.client.received);
            int injected = indexOfEvent(atClient, "exited");
            assertThat(atClient.get(injected).get("body").get("exitCode").asInt()).isZero();
            assertThat(atClient.get(injected + 1).isEvent("terminated")).isTrue();
            atClient.remove(injected);
            for (int i = 0; i < sentByDebugpy.size(); i++) {
                assertThat(new String(atClient.get(i).bytes(), StandardCharsets.UTF_8))
                        .isEqualTo(new String(sentByDebugpy.get(i), StandardCharsets.UTF_8));
            }
        }
    }

    private static int indexOfEvent(List<DapMessage> messages, String event) {
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).isEvent(event)) {
                return i;
            }
        }
        throw new AssertionError("no " + event + " event among " + messages);
    }

    /** Answers as debugpy did: after each client message, the messages debugpy sent before the next one. */
    private static List<DapMessage> playDebugpy(ServerSocket server, List<Entry> session) {
        List<DapMessage> received = new ArrayList<>();
        try {
            DapPeer bridgeSide = BridgeHarness.accept(server);
            for (Entry entry : session) {
                if (entry.fromClient()) {
                    received.add(bridgeSide.next(WAIT));
                } else {
                    bridgeSide.send(entry.bytes());
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return received;
    }
}

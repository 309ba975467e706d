package dev.amldebug.bridge;

import dev.amldebug.bridge.target.BridgeTarget;
import static dev.amldebug.bridge.DapPeer.event;
import static dev.amldebug.bridge.DapPeer.request;
import static dev.amldebug.bridge.DapPeer.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.amldebug.bridge.protocol.DapErrorCode;
import dev.amldebug.bridge.protocol.DapMessage;
import dev.amldebug.errors.AmlDebugException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The bridge's own behaviour, against a fake debugpy on loopback: no Docker needed. */
class DapBridgeTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String INITIALIZE = request(1, "initialize", "{\"adapterID\":\"python\"}");
    private static final String ATTACH = request(2, "attach", "{\"runId\":\"r1\",\"justMyCode\":false}");
    private static final String BREAKPOINTS = request(3, "setBreakpoints",
            "{\"source\":{\"path\":\"/local/code/train.py\"},\"breakpoints\":[{\"line\":44}]}");
    private static final String DONE = request(4, "configurationDone", "{}");

    private static String answer(DapMessage request) {
        return "{\"seq\":100,\"type\":\"response\",\"request_seq\":" + request.seq() + ",\"success\":true,\"command\":\""
                + request.command() + "\"}";
    }

    @Test
    void messagesSentBeforeDebugpyListensAreDeliveredInOrderOnceItDoes() throws Exception {
        int port = BridgeHarness.freePort();
        try (BridgeHarness harness = BridgeHarness.to(port, WAIT, 0)) {
            for (String message : List.of(INITIALIZE, ATTACH, BREAKPOINTS, DONE)) {
                harness.client.send(message);
            }
            try (ServerSocket late = new ServerSocket(port, 50, java.net.InetAddress.getLoopbackAddress())) {
                DapPeer debugpy = BridgeHarness.accept(late);
                assertThat(List.of(debugpy.next(WAIT).command(), debugpy.next(WAIT).command(), debugpy.next(WAIT).command(),
                        debugpy.next(WAIT).command())).containsExactly("initialize", "attach", "setBreakpoints",
                        "configurationDone");
            }
        }
    }

    @Test
    void connectionDroppedBeforeDebugpySpokeIsRetriedWithEverythingSentAgain() throws Exception {
        try (ServerSocket debugpy = BridgeHarness.fakeDebugpy();
             BridgeHarness harness = BridgeHarness.to(debugpy.getLocalPort(), WAIT, 0)) {
            harness.client.send(INITIALIZE);
            harness.client.send(ATTACH);
            // What Docker's port proxy does while the container does not listen yet: accept, then hang up.
            DapPeer first = BridgeHarness.accept(debugpy);
            assertThat(first.next(WAIT).command()).isEqualTo("initialize");
            first.close();
            DapPeer second = BridgeHarness.accept(debugpy);
            DapMessage initialize = second.next(WAIT);
            assertThat(initialize.command()).isEqualTo("initialize");
            assertThat(second.next(WAIT).command()).isEqualTo("attach");
            second.send(answer(initialize));
            assertThat(harness.client.await(response(1), WAIT).get("success").asBoolean()).isTrue();
        }
    }

    @Test
    void attachGetsPathMappingsAndOurKeysRemovedButKeepsTheClientsJustMyCode() throws Exception {
        try (ServerSocket debugpy = BridgeHarness.fakeDebugpy();
             BridgeHarness harness = BridgeHarness.to(debugpy.getLocalPort(), WAIT, 0)) {
            harness.client.send(ATTACH);
            DapMessage attach = BridgeHarness.accept(debugpy).next(WAIT);
            assertThat(attach.get("arguments").has("runId")).isFalse();
            assertThat(attach.get("arguments").get("justMyCode").asBoolean()).isFalse();
            assertThat(attach.get("arguments").get("pathMappings").get(0).get("remoteRoot").asText()).isEqualTo("/aml/code");
        }
    }

    @Test
    void subprocessAttachEventPointsAtTheAddressTheBridgeReachesDebugpyAt() throws Exception {
        try (ServerSocket debugpy = BridgeHarness.fakeDebugpy();
             BridgeHarness harness = BridgeHarness.to(debugpy.getLocalPort(), WAIT, 0)) {
            harness.client.send(INITIALIZE);
            DapPeer peer = BridgeHarness.accept(debugpy);
            peer.next(WAIT);
            peer.send("{\"seq\":5,\"type\":\"event\",\"event\":\"debugpyAttach\",\"body\":{\"subProcessId\":37,"
                    + "\"connect\":{\"host\":\"127.0.0.1\",\"port\":5678}}}");
            DapMessage attach = harness.client.await(event("debugpyAttach"), WAIT);
            assertThat(attach.get("body").get("connect").get("port").asInt()).isEqualTo(debugpy.getLocalPort());
            assertThat(attach.get("body").get("subProcessId").asInt()).isEqualTo(37);
        }
    }

    @Test
    void unreachableDebugpyFailsEveryOpenRequestWithTheReasonAndTerminates() throws Exception {
        try (BridgeHarness harness = BridgeHarness.to(BridgeHarness.freePort(), Duration.ofSeconds(1), 0)) {
            harness.client.send(INITIALIZE);
            DapMessage failed = harness.client.await(response(1), WAIT);
            assertThat(failed.get("success").asBoolean()).isFalse();
            assertThat(failed.get("message").asText()).startsWith("Could not reach debugpy at 127.0.0.1:");
            harness.client.await(event("terminated"), WAIT);
        }
    }

    @Test
    void anUnreachableComputeNodeIsExplainedAsSuch() {
        assertThat(DebuggeeConnector.advice("127.0.0.1")).contains("still starting");
        assertThat(DebuggeeConnector.advice("10.0.0.4")).contains("The compute must be reachable from this machine",
                "virtual network", "VPN");
    }

    @Test
    void debugpyGoingAwayGivesExitedWithTheKnownExitCodeAndTerminated() throws Exception {
        try (ServerSocket debugpy = BridgeHarness.fakeDebugpy();
             BridgeHarness harness = BridgeHarness.to(debugpy.getLocalPort(), WAIT, 3)) {
            harness.client.send(INITIALIZE);
            DapPeer peer = BridgeHarness.accept(debugpy);
            peer.send(answer(peer.next(WAIT)));
            harness.client.await(response(1), WAIT);
            harness.client.send(ATTACH);
            peer.next(WAIT);
            peer.close();
            assertThat(harness.client.await(response(2), WAIT).get("success").asBoolean()).isFalse();
            assertThat(harness.client.await(event("exited"), WAIT).get("body").get("exitCode").asInt()).isEqualTo(3);
            harness.client.await(event("terminated"), WAIT);
        }
    }

    @Test
    void disconnectWithTerminateDebuggeeEndsTheDebuggeeAndWithoutItDoesNot() throws Exception {
        for (boolean terminate : new boolean[] {true, false}) {
            try (ServerSocket debugpy = BridgeHarness.fakeDebugpy();
                 BridgeHarness harness = BridgeHarness.to(debugpy.getLocalPort(), WAIT, 0)) {
                harness.client.send(INITIALIZE);
                DapPeer peer = BridgeHarness.accept(debugpy);
                peer.send(answer(peer.next(WAIT)));
                harness.client.send(request(9, "disconnect", "{\"terminateDebuggee\":" + terminate + "}"));
                DapMessage disconnect = peer.await(m -> m.isRequest("disconnect"), WAIT);
                peer.send(answer(disconnect));
                harness.client.await(response(9), WAIT);
                harness.bridgeThread.join(WAIT.toMillis());
                assertThat(harness.terminated.get()).as("terminateDebuggee=" + terminate).isEqualTo(terminate);
            }
        }
    }

    @Test
    void malformedJsonGetsAnErrorResponseAndTheSessionGoesOn() throws Exception {
        try (ServerSocket debugpy = BridgeHarness.fakeDebugpy();
             BridgeHarness harness = BridgeHarness.to(debugpy.getLocalPort(), WAIT, 0)) {
            harness.client.send("{\"seq\":1,\"type\":");
            DapMessage error = harness.client.next(WAIT);
            assertThat(error.get("success").asBoolean()).isFalse();
            assertThat(error.get("message").asText()).contains("malformed");
            harness.client.send(INITIALIZE);
            DapPeer peer = BridgeHarness.accept(debugpy);
            peer.send(answer(peer.next(WAIT)));
            assertThat(harness.client.await(response(1), WAIT).get("success").asBoolean()).isTrue();
        }
    }

    @Test
    void malformedFramingClosesTheSessionCleanlyWithoutTerminatingTheDebuggee() throws Exception {
        try (ServerSocket debugpy = BridgeHarness.fakeDebugpy();
             BridgeHarness harness = BridgeHarness.to(debugpy.getLocalPort(), WAIT, 0)) {
            harness.client.sendRaw("this is not a header\r\n\r\n");
            harness.bridgeThread.join(WAIT.toMillis());
            assertThat(harness.bridgeThread.isAlive()).isFalse();
            assertThat(harness.bridge.hasEnded()).isTrue();
            assertThat(harness.terminated.get()).isFalse();
        }
    }

    @Test
    void launchIsAnsweredAsLaunchWhileDebugpyIsAskedToAttach() throws Exception {
        try (ServerSocket debugpy = BridgeHarness.fakeDebugpy();
             BridgeHarness harness = BridgeHarness.resolving(request -> BridgeTarget.of("127.0.0.1",
                     debugpy.getLocalPort(), List.of()).withOwnKeys(Set.of("job", "waitTimeout")))) {
            harness.client.send(INITIALIZE);
            DapMessage capabilities = harness.client.await(response(1), WAIT);
            assertThat(capabilities.get("body").get("supportsConditionalBreakpoints").asBoolean()).isTrue();
            harness.client.send(request(2, "launch", "{\"job\":\"job.yml\",\"waitTimeout\":30}"));
            DapPeer peer = BridgeHarness.accept(debugpy);
            DapMessage initialize = peer.next(WAIT);
            peer.send(answer(initialize));
            DapMessage attach = peer.next(WAIT);
            assertThat(attach.command()).isEqualTo("attach");
            assertThat(attach.get("arguments").has("job")).isFalse();
            assertThat(attach.get("arguments").get("justMyCode").asBoolean()).as("defaults apply to the launch turned attach").isTrue();
            peer.send(answer(attach));
            DapMessage launched = harness.client.await(response(2), WAIT);
            assertThat(launched.command()).isEqualTo("launch");
            assertThat(harness.client.received.stream().filter(DapMessage::isResponse)
                    .filter(m -> m.get("request_seq").asInt() == 1)).as("initialize answered once").hasSize(1);
        }
    }

    @Test
    void aRunLaunchedByAClientThatLeftBeforeItStartedIsTerminated() throws Exception {
        java.util.concurrent.CountDownLatch clientLeft = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean terminated = new java.util.concurrent.atomic.AtomicBoolean();
        try (BridgeHarness harness = BridgeHarness.resolving(request -> {
            clientLeft.await();
            return new BridgeTarget("127.0.0.1", 9, java.util.List.of(), true, java.time.Duration.ofSeconds(1),
                    java.util.Set.of(), java.util.OptionalInt::empty, () -> terminated.set(true));
        })) {
            harness.client.send(INITIALIZE);
            harness.client.send(request(2, "launch", "{\"job\":\"job.yml\"}"));
            harness.client.send(request(3, "disconnect", "{\"terminateDebuggee\":true}"));
            org.awaitility.Awaitility.await().atMost(WAIT).until(harness.bridge::hasEnded);
            clientLeft.countDown();
            org.awaitility.Awaitility.await().atMost(WAIT).untilTrue(terminated);
        }
    }

    @Test
    void aLaunchWithBadInputFailsWithTheUsersSentenceAndTheBadInputErrorId() throws Exception {
        try (BridgeHarness harness = BridgeHarness.resolving(request -> {
            throw AmlDebugException.badInput("job.yml:3:1: unknown key 'comand'");
        })) {
            harness.client.send(INITIALIZE);
            harness.client.send(request(2, "launch", "{\"job\":\"job.yml\"}"));
            DapMessage failed = harness.client.await(response(2), WAIT);
            assertThat(failed.get("success").asBoolean()).isFalse();
            assertThat(failed.get("message").asText()).isEqualTo("job.yml:3:1: unknown key 'comand'");
            assertThat(failed.get("body").get("error").get("id").asInt()).isEqualTo(DapErrorCode.BAD_INPUT.id());
            harness.client.await(event("terminated"), WAIT);
        }
    }

    @Test
    void aLaunchThatFailsByOurBugPointsToTheLogWithoutAJavaClassName() throws Exception {
        try (BridgeHarness harness = BridgeHarness.resolving(request -> {
            throw new NullPointerException("Cannot invoke \"java.util.Map.get(Object)\" because \"env\" is null");
        })) {
            harness.client.send(request(2, "launch", "{\"job\":\"job.yml\"}"));
            DapMessage failed = harness.client.await(response(2), WAIT);
            assertThat(failed.get("body").get("error").get("id").asInt()).isEqualTo(DapErrorCode.INTERNAL.id());
            assertThat(failed.get("message").asText()).contains("log").doesNotContain("java.", "NullPointerException", "Cannot invoke");
        }
    }

    @Test
    void requestsAfterTheDebuggeeEndedAreAnsweredHereAndDisconnectEndsTheSession() throws Exception {
        try (BridgeHarness harness = BridgeHarness.resolving(request -> {
            throw AmlDebugException.notFound("There is no run r9: list runs with aml-debug runs list.");
        })) {
            harness.client.send(request(2, "attach", "{\"runId\":\"r9\"}"));
            assertThat(harness.client.await(response(2), WAIT).get("body").get("error").get("id").asInt())
                    .isEqualTo(DapErrorCode.NOT_FOUND.id());
            harness.client.send(BREAKPOINTS);
            DapMessage refused = harness.client.await(response(3), WAIT);
            assertThat(refused.get("message").asText()).isEqualTo("The debuggee has ended.");
            assertThat(refused.get("body").get("error").get("id").asInt()).isEqualTo(DapErrorCode.DEBUGGEE_ENDED.id());
            harness.client.send(request(4, "disconnect", "{}"));
            assertThat(harness.client.await(response(4), WAIT).get("success").asBoolean()).isTrue();
            harness.bridgeThread.join(WAIT.toMillis());
            assertThat(harness.bridge.hasEnded()).isTrue();
        }
    }

    @Test
    void aSlowExitCodeHoldsBackTerminatedButNotTheReadingOfDebugpy() throws Exception {
        CountDownLatch containerStopped = new CountDownLatch(1);
        List<DapMessage> fromDebugpy = new CopyOnWriteArrayList<>();
        DapTrace trace = (direction, message) -> {
            if (direction.equals("debugpy")) {
                fromDebugpy.add(message);
            }
        };
        try (ServerSocket debugpy = BridgeHarness.fakeDebugpy()) {
            BridgeTarget target = new BridgeTarget("127.0.0.1", debugpy.getLocalPort(), List.of(), true, WAIT, Set.of(),
                    () -> waitFor(containerStopped, 7), () -> { });
            try (BridgeHarness harness = BridgeHarness.to(target, trace)) {
                harness.client.send(INITIALIZE);
                DapPeer peer = BridgeHarness.accept(debugpy);
                peer.send(answer(peer.next(WAIT)));
                harness.client.await(response(1), WAIT);
                peer.send("{\"seq\":20,\"type\":\"event\",\"event\":\"terminated\"}");
                peer.send("{\"seq\":21,\"type\":\"event\",\"event\":\"output\",\"body\":{\"output\":\"after\"}}");
                await().atMost(WAIT).until(() -> fromDebugpy.stream().anyMatch(m -> m.isEvent("output")));
                assertThat(harness.client.received).noneMatch(m -> m.isEvent("terminated") || m.isEvent("output"));
                containerStopped.countDown();
                harness.client.await(m -> m.isEvent("output"), WAIT);
                assertThat(harness.client.received).extracting(DapMessage::event).containsSubsequence("exited",
                        "terminated", "output");
                assertThat(harness.client.received.stream().filter(m -> m.isEvent("exited")).findFirst().orElseThrow()
                        .get("body").get("exitCode").asInt()).isEqualTo(7);
            }
        }
    }

    /** An exit code that takes a while: the container is still stopping. */
    private static OptionalInt waitFor(CountDownLatch stopped, int exitCode) {
        try {
            stopped.await(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OptionalInt.of(exitCode);
    }
}

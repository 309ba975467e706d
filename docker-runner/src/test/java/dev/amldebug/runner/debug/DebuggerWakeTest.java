package dev.amldebug.runner.debug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amldebug.errors.AmlDebugException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DebuggerWakeTest {
    private final DebuggerWake wake = new DebuggerWake("r1");

    @Test
    void returnsOnceTheHookSaysDebugpyListensHavingSentItsRequest() throws Exception {
        try (ServerSocket hook = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> request = answering(hook, "listening\n");

            wake.wake("127.0.0.1", hook.getLocalPort());

            assertThat(request.get()).isEqualTo(DebuggerWake.REQUEST);
        }
    }

    @Test
    void anImageWithoutDebugpyIsOneSentenceThatSaysWhatToDo() throws Exception {
        try (ServerSocket hook = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            answering(hook, "no-debugpy\n");

            assertThatThrownBy(() -> wake.wake("127.0.0.1", hook.getLocalPort()))
                    .isInstanceOf(AmlDebugException.class)
                    .hasMessage("Run r1 cannot take a debugger: its image has no debugpy. Add debugpy to the"
                            + " environment's pip dependencies and start the run again.");
        }
    }

    @Test
    void debugpyThatFailedToStartNamesWhyAndTheWayOut() {
        assertThatThrownBy(() -> wake.check("failed Address already in use"))
                .hasMessage("debugpy could not start in run r1 (Address already in use); start the run with --debug"
                        + " instead.");
    }

    @Test
    void nobodyAnsweringSaysNoProcessOfTheRunWaits() {
        assertThatThrownBy(() -> wake.check("")).isInstanceOf(AmlDebugException.class)
                .hasMessageStartingWith("Run r1 cannot take a debugger now: no Python process of it waits for one")
                .hasMessageEndingWith("start it with --debug to debug it.");
    }

    /** Reads the request line, answers {@code answer}; the future has the request. */
    private static CompletableFuture<String> answering(ServerSocket hook, String answer) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket client = hook.accept()) {
                byte[] request = new byte[DebuggerWake.REQUEST.length()];
                int read = client.getInputStream().readNBytes(request, 0, request.length);
                client.getOutputStream().write(answer.getBytes(StandardCharsets.US_ASCII));
                return new String(request, 0, read, StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}

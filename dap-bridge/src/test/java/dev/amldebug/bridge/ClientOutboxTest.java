package dev.amldebug.bridge;

import static dev.amldebug.bridge.Messages.message;
import static dev.amldebug.bridge.Messages.request;
import static dev.amldebug.bridge.Messages.responseTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.bridge.protocol.DapErrorCode;
import dev.amldebug.bridge.protocol.DapMessage;
import dev.amldebug.bridge.protocol.DapReader;
import dev.amldebug.bridge.protocol.DapWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ClientOutboxTest {
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final OpenRequests open = new OpenRequests();
    private final AtomicBoolean lost = new AtomicBoolean();
    private final ClientOutbox outbox = new ClientOutbox(new DapWriter(written), DapTrace.NONE, open,
            () -> lost.set(true));

    private List<String> events() throws Exception {
        DapReader reader = new DapReader(new ByteArrayInputStream(written.toByteArray()));
        List<String> events = new ArrayList<>();
        byte[] body;
        while ((body = reader.read()) != null) {
            events.add(DapMessage.parse(body).event());
        }
        return events;
    }

    private static DapMessage event(String name) {
        return message("{\"seq\":1,\"type\":\"event\",\"event\":\"" + name + "\"}");
    }

    @Test
    void messagesAfterOnesStillBeingProducedWaitForThem() throws Exception {
        CompletableFuture<List<DapMessage>> exitCode = new CompletableFuture<>();
        outbox.send(event("stopped"));
        outbox.sendWhenReady(exitCode);
        outbox.send(event("output"));
        assertThat(events()).containsExactly("stopped");
        exitCode.complete(List.of(event("exited"), event("terminated")));
        assertThat(events()).containsExactly("stopped", "exited", "terminated", "output");
    }

    @Test
    void aFailedProductionDoesNotHoldBackWhatComesAfter() throws Exception {
        outbox.sendWhenReady(CompletableFuture.failedFuture(new IllegalStateException("docker went away")));
        outbox.send(event("output"));
        assertThat(events()).containsExactly("output");
    }

    @Test
    void actionsRunOnceEverythingBeforeThemIsWritten() throws Exception {
        CompletableFuture<List<DapMessage>> later = new CompletableFuture<>();
        AtomicBoolean ran = new AtomicBoolean();
        outbox.sendWhenReady(later);
        outbox.afterPending(() -> ran.set(true));
        assertThat(ran).isFalse();
        later.complete(List.of(event("terminated")));
        assertThat(ran).isTrue();
    }

    @Test
    void aResponseToTheClientClosesItsOpenRequest() {
        open.opened(request(4, "threads"));
        outbox.send(responseTo(4));
        assertThat(open.failAll(DapErrorCode.DEBUGGEE_ENDED, "gone", () -> 1)).isEmpty();
    }
}

package dev.amldebug.bridge;

import static dev.amldebug.bridge.Messages.request;
import static dev.amldebug.bridge.Messages.responseTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.bridge.protocol.DapErrorCode;
import dev.amldebug.bridge.protocol.DapMessage;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OpenRequestsTest {
    private final OpenRequests open = new OpenRequests();
    private final AtomicInteger seq = new AtomicInteger(100);

    @Test
    void failsEveryOpenRequestWithTheReasonOldestFirst() {
        open.opened(request(1, "initialize"));
        open.opened(request(2, "attach"));
        List<DapMessage> errors = open.failAll(DapErrorCode.DEBUGGEE_UNREACHABLE, "Could not reach debugpy.",
                seq::incrementAndGet);
        assertThat(errors).extracting(error -> error.get("request_seq").asInt()).containsExactly(1, 2);
        assertThat(errors).extracting(DapMessage::command).containsExactly("initialize", "attach");
        assertThat(errors).allSatisfy(error -> {
            assertThat(error.get("success").asBoolean()).isFalse();
            assertThat(error.get("message").asText()).isEqualTo("Could not reach debugpy.");
            assertThat(error.get("body").get("error").get("id").asInt())
                    .isEqualTo(DapErrorCode.DEBUGGEE_UNREACHABLE.id());
        });
        assertThat(errors).extracting(DapMessage::seq).containsExactly(101, 102);
    }

    @Test
    void aRequestThatGotItsResponseIsNoLongerOpen() {
        open.opened(request(1, "initialize"));
        open.opened(request(2, "attach"));
        open.answered(responseTo(1));
        assertThat(open.failAll(DapErrorCode.DEBUGGEE_ENDED, "gone", seq::incrementAndGet))
                .extracting(error -> error.get("request_seq").asInt()).containsExactly(2);
    }

    @Test
    void failedRequestsAreFailedOnlyOnce() {
        open.opened(request(1, "initialize"));
        open.failAll(DapErrorCode.DEBUGGEE_ENDED, "gone", seq::incrementAndGet);
        assertThat(open.failAll(DapErrorCode.DEBUGGEE_ENDED, "gone", seq::incrementAndGet)).isEmpty();
    }
}

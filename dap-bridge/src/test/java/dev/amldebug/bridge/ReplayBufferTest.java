package dev.amldebug.bridge;

import static dev.amldebug.bridge.Messages.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.bridge.protocol.DapMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayBufferTest {
    private final ReplayBuffer buffer = new ReplayBuffer();

    private static List<String> commands(List<DapMessage> messages) {
        return messages.stream().map(DapMessage::command).toList();
    }

    @Test
    void keepsMessagesUntilConnectedThenSendsThemInOrder() {
        buffer.send(request(1, "initialize"));
        buffer.send(request(2, "attach"));
        List<DapMessage> sent = new ArrayList<>();
        buffer.connected(sent::add);
        buffer.send(request(3, "setBreakpoints"));
        assertThat(commands(sent)).containsExactly("initialize", "attach", "setBreakpoints");
    }

    @Test
    void sendsEverythingUnconfirmedAgainOnANewConnection() {
        List<DapMessage> first = new ArrayList<>();
        buffer.connected(first::add);
        buffer.send(request(1, "initialize"));
        buffer.send(request(2, "attach"));
        List<DapMessage> second = new ArrayList<>();
        buffer.connected(second::add);
        assertThat(commands(second)).containsExactly("initialize", "attach");
        assertThat(first).hasSize(2);
    }

    @Test
    void forgetsWhatDebugpyConfirmed() {
        buffer.connected(message -> { });
        buffer.send(request(1, "initialize"));
        buffer.confirmed();
        buffer.send(request(2, "attach"));
        List<DapMessage> next = new ArrayList<>();
        buffer.connected(next::add);
        assertThat(next).as("nothing is kept once debugpy has spoken").isEmpty();
    }
}

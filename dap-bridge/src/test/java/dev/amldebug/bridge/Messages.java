package dev.amldebug.bridge;

import dev.amldebug.bridge.protocol.DapMessage;
import java.nio.charset.StandardCharsets;

/** Test messages from JSON text. */
final class Messages {
    private Messages() {
    }

    static DapMessage message(String json) {
        try {
            return DapMessage.parse(json.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    static DapMessage request(int seq, String command) {
        return message(DapPeer.request(seq, command, "{}"));
    }

    static DapMessage responseTo(int requestSeq) {
        return message("{\"seq\":90,\"type\":\"response\",\"request_seq\":" + requestSeq
                + ",\"success\":true,\"command\":\"x\"}");
    }
}

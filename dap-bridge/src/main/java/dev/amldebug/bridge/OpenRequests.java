package dev.amldebug.bridge;

import dev.amldebug.bridge.protocol.DapErrorCode;
import dev.amldebug.bridge.protocol.DapMessage;
import dev.amldebug.bridge.protocol.DapMessages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The client's requests that have no answer yet, whoever is to give it. When debugpy goes away or
 * cannot be reached, each gets an error answer instead, so no client waits forever.
 */
final class OpenRequests {
    private final Map<Integer, DapMessage> open = new LinkedHashMap<>();

    synchronized void opened(DapMessage request) {
        open.put(request.seq(), request);
    }

    /** A response to the client answers its request, whether debugpy wrote it or we did. */
    synchronized void answered(DapMessage response) {
        open.remove(response.get("request_seq").asInt());
    }

    /** Error answers to every open request, oldest first; none of them is open afterwards. */
    List<DapMessage> failAll(DapErrorCode code, String reason, IntSupplier seq) {
        List<DapMessage> requests;
        synchronized (this) {
            requests = new ArrayList<>(open.values());
            open.clear();
        }
        return requests.stream().map(request -> DapMessages.error(seq.getAsInt(), request, code, reason)).toList();
    }
}

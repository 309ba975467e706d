package dev.amldebug.bridge.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.bridge.protocol.DapMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ranks' line to each other, beside their DAP connections. Each rank's debug shim sends a JSON line whenever it
 * pauses or resumes ({@code {"event": "status", ...}}, see {@link RankStatus} and aml_debug_ranks.py); the hub
 * passes each line to every other rank, which pauses or goes on with it when stop-the-world is on. So stop-the-world
 * works whichever process serves each rank's session (VS Code's, the console's, another client's), and for ranks on
 * other machines. The hub tells each rank the setting ({@code {"event": "config", "stopAll": true}}) when it joins
 * and when it changes.
 */
final class RankPeers {
    private static final Logger LOG = LoggerFactory.getLogger(RankPeers.class);
    private static final int MAX_LINE = 16_384;

    private final Executor executor;
    private final Map<Socket, Debuggee> peers = new ConcurrentHashMap<>();
    private final Map<String, RankStatus> statuses = new ConcurrentHashMap<>();
    /** Each rank's last status line as passed on, for a rank that joins later: the world may be stopped already. */
    private final Map<String, String> lastLines = new ConcurrentHashMap<>();
    private volatile boolean stopAll = true;

    RankPeers(Executor executor) {
        this.executor = executor;
    }

    void joined(Debuggee debuggee, Socket socket) {
        peers.put(socket, debuggee);
        LOG.info("{} opened its line to the other ranks", debuggee.name());
        send(socket, config());
        lastLines.values().forEach(line -> send(socket, line));
        executor.execute(() -> listen(debuggee, socket));
    }

    void stopAll(boolean on) {
        stopAll = on;
        String line = config();
        peers.keySet().forEach(socket -> send(socket, line));
    }

    boolean stopsAll() {
        return stopAll;
    }

    /** Each rank's last word, lower ranks first. */
    List<RankStatus> statuses() {
        List<RankStatus> all = new ArrayList<>(statuses.values());
        all.sort(Comparator.comparing((RankStatus s) -> s.rank() == null ? Integer.MAX_VALUE : s.rank()));
        return all;
    }

    void close() {
        peers.keySet().forEach(Arrivals::closeQuietly);
        peers.clear();
    }

    private void listen(Debuggee debuggee, Socket socket) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.length() <= MAX_LINE) {
                    heard(debuggee, socket, line);
                }
            }
        } catch (IOException e) {
            LOG.debug("{}'s line to the other ranks ended", debuggee.name(), e);
        } finally {
            peers.remove(socket);
            Arrivals.closeQuietly(socket);
        }
    }

    private void heard(Debuggee from, Socket socket, String line) {
        JsonNode status;
        try {
            status = DapMessage.JSON.readTree(line);
        } catch (IOException e) {
            LOG.debug("{} said a line that is not JSON on its line to the other ranks", from.name());
            return;
        }
        if (!"status".equals(status.path("event").asText())) {
            return;
        }
        statuses.put(from.id(), status(from, status));
        ObjectNode relayed = ((ObjectNode) status).put("pid", from.pid());
        if (from.rank() != null) {
            relayed.put("rank", from.rank());
        }
        String toOthers = relayed.toString();
        lastLines.put(from.id(), toOthers);
        peers.keySet().stream().filter(other -> other != socket).forEach(other -> send(other, toOthers));
    }

    private static RankStatus status(Debuggee from, JsonNode status) {
        Instant since = status.path("since").isNumber()
                ? Instant.ofEpochMilli((long) (status.get("since").asDouble() * 1000)) : Instant.now();
        return new RankStatus(from.rank(), from.pid(), "paused".equals(status.path("state").asText()),
                text(status, "reason"), "world".equals(status.path("cause").asText()), since, text(status, "waiting"),
                text(status, "governor"));
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isTextual() ? node.get(field).asText() : null;
    }

    private String config() {
        ObjectNode config = DapMessage.JSON.createObjectNode().put("event", "config").put("stopAll", stopAll);
        return config.toString();
    }

    private static void send(Socket socket, String line) {
        try {
            OutputStream out = socket.getOutputStream();
            synchronized (socket) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            LOG.debug("A rank's line to the others is gone", e);
        }
    }
}

package dev.amldebug.azurefake.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.amldebug.azurefake.SelfSignedCertificate;
import dev.amldebug.azurefake.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The answers of real Azure ML, replayed: the entries of recordings of the Azure SDK for Python's tests (in
 * {@code resources/azurefake/recorded/}, SOURCE.md there says from where), served over HTTPS on loopback. A request
 * gets the first unused entry of the same method and path (host and query aside; the last one again once all are
 * used), with every recorded service origin in its body turned into this server's. A request no entry answers gets
 * 404 and is listed by {@link #unanswered}: a client that asks what the real service was never asked is visible.
 * The recordings' workspace is subscription {@value #SUBSCRIPTION}, resource group and workspace {@code 00000}.
 */
public final class RecordedSession implements AutoCloseable {
    public static final String SUBSCRIPTION = "00000000-0000-0000-0000-000000000";
    public static final String WORKSPACE_ID = "/subscriptions/" + SUBSCRIPTION
            + "/resourceGroups/00000/providers/Microsoft.MachineLearningServices/workspaces/00000";
    private static final List<String> ORIGINS = List.of("https://management.azure.com", "https://eastus2.api.azureml.ms");

    private record Entry(String method, String path, int status, JsonNode headers, JsonNode body) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<Entry> used = new CopyOnWriteArrayList<>();
    private final List<String> unanswered = new CopyOnWriteArrayList<>();
    private final List<String> served = new CopyOnWriteArrayList<>();
    private final HttpsServer server;
    private final Path caBundle;

    private RecordedSession(List<String> recordings) throws IOException, GeneralSecurityException {
        for (String name : recordings) {
            try (InputStream in = RecordedSession.class.getResourceAsStream("/azurefake/recorded/" + name)) {
                if (in == null) {
                    throw new IOException("no recording " + name);
                }
                for (JsonNode entry : Json.parse(in.readAllBytes()).path("Entries")) {
                    URI uri = URI.create(entry.path("RequestUri").asText());
                    entries.add(new Entry(entry.path("RequestMethod").asText(), uri.getRawPath(),
                            entry.path("StatusCode").asInt(), entry.path("ResponseHeaders"), entry.path("ResponseBody")));
                }
            }
        }
        SelfSignedCertificate certificate = SelfSignedCertificate.create();
        caBundle = certificate.writePem(Files.createTempDirectory("recorded-session").resolve("ca.pem"));
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
        server.createContext("/", this::serve);
        server.start();
    }

    public static RecordedSession start(String... recordings) throws IOException {
        try {
            return new RecordedSession(List.of(recordings));
        } catch (GeneralSecurityException e) {
            throw new IOException("Could not set up TLS for the recorded session: " + e.getMessage(), e);
        }
    }

    public String origin() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    public Path caBundle() {
        return caBundle;
    }

    /** Requests a recorded entry answered ("METHOD path"), in order. */
    public List<String> served() {
        return List.copyOf(served);
    }

    /** Requests no recorded entry answered ("METHOD path"). */
    public List<String> unanswered() {
        return List.copyOf(unanswered);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            Entry entry = answer(method, path);
            if (entry == null) {
                unanswered.add(method + " " + path);
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = body(entry);
            String type = entry.headers().path("Content-Type").asText("application/json; charset=utf-8");
            exchange.getResponseHeaders().set("Content-Type", type);
            for (String header : List.of("Location", "Azure-AsyncOperation", "Retry-After")) {
                if (entry.headers().hasNonNull(header)) {
                    exchange.getResponseHeaders().set(header, withOurOrigin(entry.headers().path(header).asText()));
                }
            }
            served.add(method + " " + path);
            exchange.sendResponseHeaders(entry.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private synchronized Entry answer(String method, String path) {
        Entry last = null;
        for (Entry entry : entries) {
            if (entry.method().equals(method) && entry.path().equals(path)) {
                if (!used.contains(entry)) {
                    used.add(entry);
                    return entry;
                }
                last = entry;
            }
        }
        return last;
    }

    /** The recorded body: JSON as JSON (origins turned into ours), a string as its text or base64 bytes, null as none. */
    private byte[] body(Entry entry) {
        JsonNode body = entry.body();
        if (body == null || body.isNull() || body.isMissingNode()) {
            return new byte[0];
        }
        String text;
        if (body.isTextual()) {
            String type = entry.headers().path("Content-Type").asText("");
            if (type.contains("octet-stream")) {
                return Base64.getDecoder().decode(body.asText());
            }
            text = body.asText();
        } else {
            text = body.toString();
        }
        return withOurOrigin(text).getBytes(StandardCharsets.UTF_8);
    }

    private String withOurOrigin(String text) {
        for (String origin : ORIGINS) {
            text = text.replace(origin, origin());
        }
        return text;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

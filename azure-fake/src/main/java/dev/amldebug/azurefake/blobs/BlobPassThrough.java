package dev.amldebug.azurefake.blobs;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** A loopback pass-through in front of Azurite that counts the body bytes it serves and records Range headers. */
public final class BlobPassThrough implements AutoCloseable {
    private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "transfer-encoding", "keep-alive");
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "blob-pass-through");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String upstream;
    private final AtomicLong bytesServed = new AtomicLong();
    private final List<String> ranges = new CopyOnWriteArrayList<>();

    public BlobPassThrough(String upstreamOrigin) throws IOException {
        this.upstream = upstreamOrigin;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", this::forward);
        server.setExecutor(executor);
        server.start();
    }

    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public long bytesServed() {
        return bytesServed.get();
    }

    /** Range headers of the GETs served, in order ("" for a GET without one). */
    public List<String> ranges() {
        return List.copyOf(ranges);
    }

    public void resetCounters() {
        bytesServed.set(0);
        ranges.clear();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream + exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase())) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (rangeBeyondEnd(response)) {
                answerInvalidRange(exchange, response);
                return;
            }
            boolean head = exchange.getRequestMethod().equals("HEAD");
            response.headers().map().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase()) || (head && name.equalsIgnoreCase("content-length"))) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            if (exchange.getRequestMethod().equals("GET")) {
                ranges.add(firstOr(exchange.getRequestHeaders().get("Range"), firstOr(exchange.getRequestHeaders().get("x-ms-range"), "")));
                bytesServed.addAndGet(response.body().length);
            }
            int status = response.statusCode();
            boolean noBody = head || status == 204 || status == 304 || response.body().length == 0;
            exchange.sendResponseHeaders(status, noBody ? -1 : response.body().length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Azurite answers a range that starts at the end with 206 and "bytes 8-7/8"; Azure answers 416 InvalidRange. */
    private static boolean rangeBeyondEnd(HttpResponse<byte[]> response) {
        var range = response.headers().firstValue("Content-Range");
        if (response.statusCode() != 206 || range.isEmpty()) {
            return false;
        }
        var m = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)").matcher(range.get());
        return m.matches() && Long.parseLong(m.group(1)) > Long.parseLong(m.group(2));
    }

    private void answerInvalidRange(HttpExchange exchange, HttpResponse<byte[]> upstreamResponse) throws IOException {
        String size = upstreamResponse.headers().firstValue("Content-Range").orElse("/0").replaceAll(".*/", "");
        byte[] body = ("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>InvalidRange</Code>"
                + "<Message>The range specified is invalid for the current size of the resource.</Message></Error>").getBytes(StandardCharsets.UTF_8);
        ranges.add(firstOr(exchange.getRequestHeaders().get("Range"), firstOr(exchange.getRequestHeaders().get("x-ms-range"), "")));
        exchange.getResponseHeaders().set("Content-Range", "bytes */" + size);
        exchange.getResponseHeaders().set("Content-Type", "application/xml");
        exchange.getResponseHeaders().set("x-ms-error-code", "InvalidRange");
        exchange.sendResponseHeaders(416, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String firstOr(List<String> values, String fallback) {
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

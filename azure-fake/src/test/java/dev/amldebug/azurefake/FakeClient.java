package dev.amldebug.azurefake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.amldebug.azurefake.http.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A minimal HTTPS client for the fake's own tests: trusts only the fake's certificate, sends its token. */
final class FakeClient {
    private final FakeAzureMl fake;
    private final HttpClient http;
    private String token;

    FakeClient(FakeAzureMl fake) {
        this.fake = fake;
        this.http = HttpClient.newBuilder().sslContext(fake.trustingContext()).build();
        this.token = fake.token();
    }

    FakeClient withToken(String other) {
        FakeClient copy = new FakeClient(fake);
        copy.token = other;
        return copy;
    }

    HttpResponse<String> send(String method, String pathOrUrl, String body) throws Exception {
        URI uri = URI.create(pathOrUrl.startsWith("https://") ? pathOrUrl : fake.armEndpoint() + pathOrUrl);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String pathOrUrl) throws Exception {
        return send("GET", pathOrUrl, null);
    }

    JsonNode json(String pathOrUrl) throws Exception {
        HttpResponse<String> response = get(pathOrUrl);
        if (response.statusCode() != 200) {
            throw new AssertionError(response.statusCode() + " " + response.body());
        }
        return Json.parse(response.body().getBytes());
    }
}

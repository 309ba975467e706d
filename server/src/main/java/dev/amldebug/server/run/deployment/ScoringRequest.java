package dev.amldebug.server.run.deployment;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.run.DeploymentHealth;
import dev.amldebug.runner.run.RunKind;
import dev.amldebug.runner.run.RunRecord;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A scoring request to a local deployment: no timeout of ours, since a debugger may hold it at a breakpoint. */
public final class ScoringRequest {
    public record Response(int status, Map<String, List<String>> headers, String body, long millis) {
    }

    private ScoringRequest() {
    }

    public static Response send(RunRecord deployment, Path file, String json, List<String> headers)
            throws IOException, InterruptedException {
        String scoringUri = deployment.deployment().scoringUri();
        if (deployment.kind != RunKind.deployment || !deployment.isActive() || scoringUri == null) {
            throw AmlDebugException.badInput("Run " + deployment.id + " is not a deployment that is up ("
                    + deployment.status + "); start one with: aml-debug deploy up");
        }
        if (deployment.deployment().health() == DeploymentHealth.Starting) {
            throw AmlDebugException.badInput("Deployment " + deployment.id + " is still starting (its init() has not"
                    + " returned): score it once `aml-debug deploy list` says Healthy.");
        }
        if (file != null && !Files.isRegularFile(file)) {
            throw AmlDebugException.badInput("The request body " + file + " does not exist.");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(scoringUri))
                .header("Content-Type", "application/json")
                .POST(file != null ? HttpRequest.BodyPublishers.ofFile(file) : HttpRequest.BodyPublishers.ofString(json));
        for (String header : headers) {
            int equals = header.indexOf('=');
            if (equals < 1) {
                throw AmlDebugException.badInput("A header is NAME=VALUE, not '" + header + "'.");
            }
            String name = header.substring(0, equals);
            String value = header.substring(equals + 1);
            if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+") || value.contains("\r") || value.contains("\n")) {
                throw AmlDebugException.badInput("A header is NAME=VALUE with a name of letters, digits and dashes and a"
                        + " value on one line; '" + header.replace("\r", "\\r").replace("\n", "\\n") + "' is not.");
            }
            request.header(name, value);
        }
        long started = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw AmlDebugException.environment("Nothing answers at " + scoringUri + ": the deployment's"
                    + " server is not listening (it may have stopped). See its log: aml-debug runs logs " + deployment.id,
                    e);
        }
        return new Response(response.statusCode(), response.headers().map(), response.body(),
                (System.nanoTime() - started) / 1_000_000);
    }
}

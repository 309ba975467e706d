package dev.amldebug.runner.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Azure ML's liveness check: {@code GET /} answers {@code Healthy} once init() has returned. */
public final class HealthProbe {
    private static final long EVERY_MILLIS = 100;

    private final String root;

    public HealthProbe(int hostPort) {
        this.root = "http://127.0.0.1:" + hostPort + "/";
    }

    /** Asks until the server is healthy, or {@code stillTrying} says to stop. */
    public boolean awaitHealthy(BooleanSupplier stillTrying) throws InterruptedException {
        while (stillTrying.getAsBoolean()) {
            if (isHealthy()) {
                return true;
            }
            Thread.sleep(EVERY_MILLIS);
        }
        return false;
    }

    public boolean isHealthy() {
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL(root).openConnection();
            connection.setConnectTimeout((int) Duration.ofSeconds(1).toMillis());
            connection.setReadTimeout((int) Duration.ofSeconds(2).toMillis());
            try (InputStream body = connection.getInputStream()) {
                return connection.getResponseCode() == 200
                        && new String(body.readAllBytes(), StandardCharsets.UTF_8).contains("Healthy");
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }
}

package dev.amldebug.runner.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.amldebug.errors.AmlDebugException;
import java.nio.file.Path;
import java.time.Duration;
import java.io.IOException;
import java.net.URI;

/**
 * Opens a client to the local Docker engine (DOCKER_HOST, or the default socket) and checks
 * that it answers and is new enough, turning each failure into one sentence a user can act on.
 */
public final class DockerConnection {
    /** Docker 19.03; everything aml-debug asks of the engine is in this API version. */
    static final String MIN_API_VERSION = "1.40";

    private DockerConnection() {
    }

    /** How long the first question may take: an engine that accepts but never answers must not hang us. */
    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(5);

    /** A checked, ready client. */
    public static DockerClient open() {
        DockerClientConfig config = config();
        String host = config.getDockerHost().toString();
        try (DockerClient probe = probe(config)) {
            check(probe, host);
        } catch (IOException e) {
            throw new DockerUnavailableException("Cannot close the Docker probe: " + e.getMessage(), e);
        }
        // Without a response timeout: following a quiet container's log, or waiting for its exit, takes as long as it takes.
        return client(config, null);
    }

    private static DockerClientConfig config() {
        try {
            return DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        } catch (RuntimeException e) {
            throw badHost();
        }
    }

    /** The first client: a malformed address shows here, as the transport parses it. */
    private static DockerClient probe(DockerClientConfig config) {
        URI host = config.getDockerHost();
        if ("unix".equals(host.getScheme()) && (host.getPath() == null || host.getPath().isEmpty())) {
            throw badHost();
        }
        try {
            return client(config, CHECK_TIMEOUT);
        } catch (RuntimeException e) {
            throw badHost();
        }
    }

    private static AmlDebugException badHost() {
        String host = System.getProperty("DOCKER_HOST", System.getenv("DOCKER_HOST"));
        return AmlDebugException.badInput("DOCKER_HOST '" + host + "' is not a Docker address: use"
                + " unix:///var/run/docker.sock or tcp://HOST:PORT, or unset it.");
    }

    /** The engine's own Unix socket gets the light transport; anything else (tcp, TLS) the general one. */
    private static DockerClient client(DockerClientConfig config, Duration responseTimeout) {
        URI host = config.getDockerHost();
        if ("unix".equals(host.getScheme())) {
            return DockerClientImpl.getInstance(config, new UnixSocketHttpClient(Path.of(host.getPath()), responseTimeout));
        }
        ZerodepDockerHttpClient.Builder http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(host)
                .sslConfig(config.getSSLConfig() != null ? config.getSSLConfig() : new NoTls())
                .connectionTimeout(Duration.ofSeconds(5));
        if (responseTimeout != null) {
            http.responseTimeout(responseTimeout);
        }
        return DockerClientImpl.getInstance(config, http.build());
    }

    static void check(DockerClient client, String host) {
        Version version;
        try {
            version = client.versionCmd().exec();
        } catch (RuntimeException e) {
            throw explain(e, host);
        }
        if (compareVersions(version.getApiVersion(), MIN_API_VERSION) < 0) {
            throw new DockerUnavailableException("Docker Engine " + version.getVersion() + " (API "
                    + version.getApiVersion() + ") is too old: aml-debug needs API " + MIN_API_VERSION
                    + " (Docker 19.03) or newer. Upgrade Docker Engine.", null);
        }
    }

    static DockerUnavailableException explain(RuntimeException e, String host) {
        String text = String.valueOf(causeMessages(e)).toLowerCase();
        if (text.contains("permission denied") || text.contains("access denied")) {
            return new DockerUnavailableException("Cannot use the Docker socket at " + host + " (permission denied):"
                    + " add your user to the 'docker' group (sudo usermod -aG docker $USER, then log in again),"
                    + " or run as root.", e);
        }
        if (text.contains("timeout") || text.contains("timed out")) {
            return new DockerUnavailableException("Docker does not answer at " + host + " within "
                    + CHECK_TIMEOUT.toSeconds() + " s: something accepts connections there but sends nothing back."
                    + " Restart the engine ('sudo systemctl restart docker' or 'scripts/setup-engine.sh'), or check"
                    + " DOCKER_HOST.", e);
        }
        return new DockerUnavailableException("Docker is not running (nothing answers at " + host + "): start it"
                + " with 'sudo systemctl start docker' or 'scripts/setup-engine.sh', or set DOCKER_HOST.", e);
    }

    private static String causeMessages(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
        }
        return text.toString();
    }

    static int compareVersions(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            int l = i < left.length ? Integer.parseInt(left[i]) : 0;
            int r = i < right.length ? Integer.parseInt(right[i]) : 0;
            if (l != r) {
                return Integer.compare(l, r);
            }
        }
        return 0;
    }
}

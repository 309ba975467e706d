package dev.amldebug.runner.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.time.Duration;

/**
 * Opens a client to the local Docker engine (DOCKER_HOST, or the default socket) and checks
 * that it answers and is new enough, turning each failure into one sentence a user can act on.
 */
public final class DockerConnection {
    /** Docker 19.03; everything aml-debug asks of the engine is in this API version. */
    static final String MIN_API_VERSION = "1.40";

    private DockerConnection() {
    }

    /** A checked, ready client. */
    public static DockerClient open() {
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        ZerodepDockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(Duration.ofSeconds(5))
                .build();
        DockerClient client = DockerClientImpl.getInstance(config, http);
        check(client, config.getDockerHost().toString());
        return client;
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

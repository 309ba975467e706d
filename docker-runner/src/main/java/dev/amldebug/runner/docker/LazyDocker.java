package dev.amldebug.runner.docker;

import com.github.dockerjava.api.DockerClient;
import java.util.function.Supplier;

/**
 * The Docker client, opened on first need and then shared. A failure is not remembered: once
 * the user starts Docker, the next call succeeds.
 */
public final class LazyDocker implements Supplier<DockerClient> {
    private final Supplier<DockerClient> opener;
    private DockerClient client;

    public LazyDocker() {
        this(DockerConnection::open);
    }

    LazyDocker(Supplier<DockerClient> opener) {
        this.opener = opener;
    }

    @Override
    public synchronized DockerClient get() {
        if (client == null) {
            client = opener.get();
        }
        return client;
    }
}

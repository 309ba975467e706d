package dev.amldebug.runner.docker;

import com.github.dockerjava.api.DockerClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The Docker client, opened on first need and then shared. It can start opening early, in the
 * background, while the caller does other start-up work. A failure is not remembered: once the
 * user starts Docker, the next call succeeds, and the error always reaches the caller's thread.
 */
public final class LazyDocker implements Supplier<DockerClient> {
    private final Supplier<DockerClient> opener;
    private DockerClient client;
    private CompletableFuture<DockerClient> opening;

    public LazyDocker() {
        this(DockerConnection::open);
    }

    LazyDocker(Supplier<DockerClient> opener) {
        this.opener = opener;
    }

    /** Starts opening the client on {@code executor}; {@link #get()} then waits for it. */
    public synchronized void prefetch(Executor executor) {
        if (client == null && opening == null) {
            opening = CompletableFuture.supplyAsync(opener, executor);
        }
    }

    @Override
    public synchronized DockerClient get() {
        if (client == null && opening != null) {
            CompletableFuture<DockerClient> started = opening;
            opening = null;
            // Whatever went wrong in the background is tried again here, so its error is the caller's.
            client = started.exceptionally(error -> null).join();
        }
        if (client == null) {
            client = opener.get();
        }
        return client;
    }
}

package dev.amldebug.server.threads;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner of every thread the process starts: a pool for blocking work (Docker calls, run
 * followers, DAP sessions, LSP requests) and a scheduler for timers (log batches, progress ticks).
 * Built once per process and handed to whoever needs threads; closed on exit.
 */
public final class ServerThreads implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServerThreads.class);

    private final ExecutorService blocking = Executors.newCachedThreadPool(named("aml-debug-worker"));
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(named("aml-debug-timer"));

    /** For work that waits: on Docker, on a socket, on a container. */
    public ExecutorService blocking() {
        return blocking;
    }

    /** For short tasks at a time or a rate; never block on it. */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        blocking.shutdownNow();
        try {
            if (!blocking.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.debug("Some workers were still busy at exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Daemon threads: a worker blocked on Docker must never keep the process alive after exit. */
    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

package dev.amldebug.azurefake.runs;

import dev.amldebug.azurefake.blobs.BlobStore;
import dev.amldebug.azurefake.jobs.FakeJob;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** A job's process containers, started and followed together: each one's output to its own log. */
final class ProcessGroup {
    private final DockerCli docker;
    private final Supplier<BlobStore> blobs;
    private final ExecutorService executor;

    ProcessGroup(DockerCli docker, Supplier<BlobStore> blobs, ExecutorService executor) {
        this.docker = docker;
        this.blobs = blobs;
        this.executor = executor;
    }

    int attach(FakeJob job, String name, ProcessLayout.Slot slot) throws IOException {
        return docker.startAttached(name, bytes -> blobs.get().append(job.name, slot.logFile(), bytes));
    }

    /** Starts every process at once; the first to fail stops the others. */
    int attachAll(FakeJob job, List<String> names, List<ProcessLayout.Slot> slots) throws IOException {
        AtomicInteger firstFailure = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            String name = names.get(i);
            ProcessLayout.Slot slot = slots.get(i);
            running.add(executor.submit(() -> {
                int exit = attach(job, name, slot);
                if (exit != 0 && firstFailure.compareAndSet(0, exit)) {
                    blobs.get().append(job.name, slot.logFile(), ("Process " + slot.rank() + " failed (exit code " + exit
                            + "); the job's other processes are stopped.\n").getBytes(StandardCharsets.UTF_8));
                    names.stream().filter(other -> !other.equals(name)).forEach(other -> docker.quietly("kill", other));
                }
                return exit;
            }));
        }
        for (var process : running) {
            try {
                process.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while the job's processes ran", e);
            } catch (ExecutionException e) {
                throw new IOException(e.getCause().getMessage(), e.getCause());
            }
        }
        return firstFailure.get();
    }
}

package dev.amldebug.runner.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One change of a run's run.json at a time. Several processes (a run, a cancel, an editor) may touch one run: they
 * queue on a {@link FileLock} of the run's lock file; threads of one process queue here first, since a FileLock
 * guards against other processes only.
 */
final class RunLocks {
    private final Map<Path, Object> inProcess = new ConcurrentHashMap<>();

    /** Runs {@code change} holding the lock of the run in {@code runDir}, and returns what it returns. */
    <T> T locked(Path runDir, Supplier<T> change) {
        Path lockFile = runDir.resolve(".run.json.lock");
        synchronized (inProcess.computeIfAbsent(lockFile, key -> new Object())) {
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = channel.lock()) {
                return change.get();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock " + lockFile, e);
            }
        }
    }
}

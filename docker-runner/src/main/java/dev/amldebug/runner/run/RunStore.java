package dev.amldebug.runner.run;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.spec.CodeFolders;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The embedded run store: {@code <workspace>/.azureml/runs/<run-id>/} with run.json, logs/
 * and outputs/. Several processes (a run, a cancel, an editor) may touch one run, so every
 * change of run.json is a locked read-modify-write followed by an atomic replace.
 */
public final class RunStore {
    public static final String CONTROL_LOG = "60_control_log.txt";
    public static final String DRIVER_LOG = "70_driver_log.txt";

    /** A FileLock guards against other processes only; threads of this one queue here first. */
    private final Map<Path, Object> inProcessLocks = new ConcurrentHashMap<>();
    private final Path workspace;
    private final Path runsDir;
    /** Thread-safe once configured; shared, so that its costly first use happens once per process. */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** One per workspace and process: the run service owns it, and everything else borrows it. */
    public RunStore(Path workspace) {
        String refusal = CodeFolders.mountRefusal(workspace);
        if (refusal != null) {
            throw AmlDebugException.badInput("The workspace folder would be " + refusal + ", where runs would write"
                    + " .azureml: run aml-debug from your project's folder, or pass --workspace with it.");
        }
        this.workspace = workspace.toAbsolutePath().normalize();
        this.runsDir = this.workspace.resolve(".azureml").resolve("runs");
    }

    /**
     * Prepares reading and writing run records ahead of need, for a command that starts the JVM
     * cold: on a worker, while the command line is still being parsed.
     */
    public static void warmUp() {
        try {
            RunRecord record = new RunRecord();
            record.id = "warm-up";
            record.status = RunStatus.Queued;
            record.createdAt = java.time.Instant.now();
            JSON.readValue(JSON.writeValueAsBytes(record), RunRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the run record format cannot round-trip", e);
        }
    }

    public Path workspace() {
        return workspace;
    }

    public Path runsDir() {
        return runsDir;
    }

    public Path dir(String id) {
        return runsDir.resolve(id);
    }

    public Path controlLog(String id) {
        return dir(id).resolve("logs").resolve(CONTROL_LOG);
    }

    public Path driverLog(String id) {
        return dir(id).resolve("logs").resolve(DRIVER_LOG);
    }

    /** Distributed runs: {@code logs/user_logs}, where each rank writes {@code std_log_process_<rank>.txt}. */
    public Path userLogs(String id) {
        return dir(id).resolve("logs").resolve("user_logs");
    }

    public Path processLog(String id, int rank) {
        return userLogs(id).resolve("std_log_process_" + rank + ".txt");
    }

    /** Distributed runs: how each rank ended, one {@code rank_<N>.json} each ({@link RankExits}). */
    public Path rankExits(String id) {
        return dir(id).resolve("ranks");
    }

    public Path outputs(String id) {
        return dir(id).resolve("outputs");
    }

    /** Where a run's outputs are: its own folder, or, for a pipeline step that reused another run's outputs, that run's. */
    public Path outputsOf(RunRecord record) {
        String reusedFrom = record.step().reusedFrom();
        return outputs(reusedFrom != null ? reusedFrom : record.id);
    }

    /** The run's copy of its code folder, as the container saw it. */
    public Path snapshot(String id) {
        return dir(id).resolve("snapshot");
    }

    /**
     * The run's working folder: a copy of its snapshot, mounted read-write as the container's working directory, since
     * scripts write there on Azure ML ({@code model.pkl}, {@code mlruns/}, checkpoints). The snapshot stays the record.
     */
    public Path workingCopy(String id) {
        return dir(id).resolve("working");
    }

    /** The run's MLflow file store: what {@code mlflow.log_metric} and friends write in the container. */
    public Path mlruns(String id) {
        return dir(id).resolve("mlruns");
    }

    /** Makes the run's folders and writes its first run.json. */
    public void create(RunRecord record) {
        try {
            Files.createDirectories(dir(record.id).resolve("logs"));
            Files.createDirectories(outputs(record.id));
            Files.createDirectories(mlruns(record.id));
            Files.createFile(controlLog(record.id));
            Files.createFile(driverLog(record.id));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run folder " + dir(record.id), e);
        }
        write(record);
    }

    public boolean exists(String id) {
        return Files.isRegularFile(dir(id).resolve("run.json"));
    }

    public RunRecord read(String id) {
        if (!isRunId(id) || !exists(id)) {
            throw new RunNotFoundException(id, runsDir);
        }
        Path file = dir(id).resolve("run.json");
        try {
            RunRecord record = JSON.readValue(file.toFile(), RunRecord.class);
            if (record == null || record.id == null || record.status == null) {
                throw new IOException("it has no id or status");
            }
            if (!record.id.equals(id)) {
                // A record must never point outside its own folder: pruning deletes by id.
                throw new IOException("its id is not its folder's name");
            }
            return record;
        } catch (IOException e) {
            throw new BrokenRunException(id, file, e);
        }
    }

    /** Applies {@code change} to the current run.json under a lock and returns the result. */
    public RunRecord update(String id, Consumer<RunRecord> change) {
        read(id);
        Path lockFile = dir(id).resolve(".run.json.lock");
        synchronized (inProcessLocks.computeIfAbsent(lockFile, key -> new Object())) {
            return updateLocked(id, lockFile, change);
        }
    }

    private RunRecord updateLocked(String id, Path lockFile, Consumer<RunRecord> change) {
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            RunRecord record = read(id);
            change.accept(record);
            write(record);
            return record;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + dir(id).resolve("run.json"), e);
        }
    }

    /** Every run, newest first. Folders without a run.json, and broken ones ({@link #broken()}), are skipped. */
    public List<RunRecord> list() {
        List<RunRecord> records = new ArrayList<>();
        for (String id : ids()) {
            try {
                records.add(read(id));
            } catch (BrokenRunException e) {
                // Listed by broken(); one bad file must never block the workspace.
            }
        }
        records.sort(Comparator.comparing((RunRecord r) -> r.createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .reversed());
        return records;
    }

    /** Runs whose run.json cannot be read (truncated, edited by hand), each with a sentence that names the file. */
    public List<BrokenRunException> broken() {
        List<BrokenRunException> broken = new ArrayList<>();
        for (String id : ids()) {
            try {
                read(id);
            } catch (BrokenRunException e) {
                broken.add(e);
            }
        }
        return broken;
    }

    private List<String> ids() {
        if (!Files.isDirectory(runsDir)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(runsDir)) {
            return dirs.filter(Files::isDirectory).map(dir -> dir.getFileName().toString())
                    .filter(RunStore::isRunId).filter(this::exists).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + runsDir, e);
        }
    }

    /** A run id names a folder of the store and nothing else: no separators, no dot folders. */
    static boolean isRunId(String id) {
        return id != null && id.matches("[A-Za-z0-9][A-Za-z0-9_.-]*");
    }

    private void write(RunRecord record) {
        Path target = dir(record.id).resolve("run.json");
        Path temp = dir(record.id).resolve(".run.json.tmp");
        try {
            JSON.writeValue(temp.toFile(), record);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // The half-written copy stays; run.json itself is untouched.
            }
            if (DiskSpace.isFull(e)) {
                throw AmlDebugException.environment("No space left on " + runsDir + " to record run " + record.id
                        + ": free space there; aml-debug records the run's end the next time it looks.", e);
            }
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}

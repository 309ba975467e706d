package dev.amldebug.runner.run;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.spec.CodeFolders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The embedded run store: {@code <workspace>/.azureml/runs/<run-id>/} with run.json, logs/
 * and outputs/. Several processes (a run, a cancel, an editor) may touch one run, so every
 * change of run.json is a read-modify-write under the run's lock ({@link RunLocks}) followed by an atomic replace
 * ({@link RunJson}).
 */
public final class RunStore {
    public static final String CONTROL_LOG = "60_control_log.txt";
    public static final String DRIVER_LOG = "70_driver_log.txt";

    private final RunLocks locks = new RunLocks();
    private final Path workspace;
    private final Path runsDir;

    /** One per workspace and process: the run service owns it, and everything else borrows it. */
    public RunStore(Path workspace) {
        String refusal = CodeFolders.mountRefusal(workspace);
        if (refusal != null) {
            throw AmlDebugException.badInput("The workspace folder would be " + refusal + ", where runs would write"
                    + " .azureml: run aml-debug from your project's folder, or pass --folder with it.");
        }
        this.workspace = workspace.toAbsolutePath().normalize();
        this.runsDir = this.workspace.resolve(".azureml").resolve("runs");
    }

    /**
     * Prepares reading and writing run records ahead of need, for a command that starts the JVM
     * cold: on a worker, while the command line is still being parsed.
     */
    public static void warmUp() {
        RunJson.warmUp();
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
        return Files.isRegularFile(dir(id).resolve(RunJson.FILE));
    }

    public RunRecord read(String id) {
        if (!isRunId(id) || !exists(id)) {
            throw new RunNotFoundException(id, runsDir);
        }
        try {
            return RunJson.read(dir(id), id);
        } catch (IOException e) {
            throw new BrokenRunException(id, dir(id).resolve(RunJson.FILE), e);
        }
    }

    /** Applies {@code change} to the current run.json under the run's lock and returns the result. */
    public RunRecord update(String id, Consumer<RunRecord> change) {
        read(id);
        return locks.locked(dir(id), () -> {
            RunRecord record = read(id);
            change.accept(record);
            write(record);
            return record;
        });
    }

    /** Every run, newest first. Folders without a run.json, and broken ones ({@link #broken()}), are skipped. */
    public List<RunRecord> list() {
        return RunScan.of(this).runs();
    }

    /** Runs whose run.json cannot be read (truncated, edited by hand), each with a sentence that names the file. */
    public List<BrokenRunException> broken() {
        return RunScan.of(this).broken();
    }

    /** A run id names a folder of the store and nothing else: no separators, no dot folders. */
    static boolean isRunId(String id) {
        return id != null && id.matches("[A-Za-z0-9][A-Za-z0-9_.-]*");
    }

    private void write(RunRecord record) {
        try {
            RunJson.write(dir(record.id), record);
        } catch (IOException e) {
            if (DiskSpace.isFull(e)) {
                throw AmlDebugException.environment("No space left on " + runsDir + " to record run " + record.id
                        + ": free space there; aml-debug records the run's end the next time it looks.", e);
            }
            throw new UncheckedIOException("cannot write " + dir(record.id).resolve(RunJson.FILE), e);
        }
    }
}

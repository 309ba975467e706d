package dev.amldebug.azurefake.runs;

import dev.amldebug.azurefake.blobs.BlobStore;
import dev.amldebug.azurefake.jobs.FakeJob;
import dev.amldebug.azurefake.workspace.FakeWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fake's stand-in compute: a submitted command job really runs, in a container of {@code image} on a Docker network
 * of its own (the compute node; nothing published). Its code is the snapshot uploaded to the workspace storage, its
 * working directory is where Azure ML puts it, its output goes to {@code user_logs/std_log.txt} as it comes, and its
 * status goes Queued, Running, then Completed or Failed by its exit code. Everything it made goes at {@link #close()}.
 * The containers themselves are {@link JobContainers}'.
 */
public final class RealRuns implements AutoCloseable {
    public static final String LOG_FILE = "user_logs/std_log.txt";
    private static final Logger LOG = LoggerFactory.getLogger(RealRuns.class);
    /** The statuses of a job being canceled: nothing sets another status over them. */
    static final Set<String> STOPPING = Set.of("CancelRequested", "Canceled");
    /** Between a job's name and a process's rank in {@link #containers}' keys. */
    private static final String RANK_SEPARATOR = "#";

    private final DockerCli docker;
    private final JobContainers made;
    private final Supplier<BlobStore> blobs;
    private final JobFiles files;
    private final ExecutorService executor;
    /** The containers running, by job (or job, {@link #RANK_SEPARATOR} and rank). */
    private final Map<String, String> containers = new ConcurrentHashMap<>();

    public RealRuns(DockerCli docker, String image, Supplier<BlobStore> blobs, ExecutorService executor) {
        this.docker = docker;
        this.made = new JobContainers(docker, image);
        this.blobs = blobs;
        this.files = new JobFiles(blobs);
        this.executor = executor;
    }

    /** Starts the job on the pool; its statuses say how it goes. */
    public void start(FakeWorkspace ws, FakeJob job) {
        onPool(ws, job, "job", () -> run(ws, job));
    }

    /** Starts a pipeline job on the pool: its steps run one by one in dependency order (see {@link PipelineRun}). */
    public void startPipeline(FakeWorkspace ws, FakeJob pipeline) {
        onPool(ws, pipeline, "pipeline", () -> new PipelineRun(this, made, ws, pipeline).run());
    }

    private interface Work {
        void run() throws Exception;
    }

    /** Runs {@code work} on the pool; when it throws, the job's log says why and the job is Failed. */
    private void onPool(FakeWorkspace ws, FakeJob job, String what, Work work) {
        executor.execute(() -> {
            try {
                work.run();
            } catch (Exception e) {
                LOG.warn("The fake could not run {} {}", what, job.name, e);
                blobs.get().append(job.name, LOG_FILE, ("The fake's compute could not run the " + what + ": " + e.getMessage() + "\n").getBytes());
                setUnlessStopping(ws, job.name, "Failed");
            }
        });
    }

    /** Stops a job's container, for a cancel. */
    public void stop(String jobName) {
        containers.forEach((job, container) -> {
            if (job.equals(jobName) || job.startsWith(jobName + RANK_SEPARATOR) || job.startsWith(jobName + PipelineRun.STEP_SEPARATOR)) {
                made.remove(container);
            }
        });
    }

    private void run(FakeWorkspace ws, FakeJob job) throws IOException {
        setUnlessStopping(ws, job.name, "Queued");
        String network = made.name(job.name);
        Path work = Files.createTempDirectory("aml-fake-code-");
        try {
            Map<String, String> inputs = files.downloadInputs(job, work.resolve("inputs"));
            made.createNetwork(network);
            int exit = runContainer(ws, job, new JobContainers.Spec(network, JobFiles.command(job.submitted, inputs),
                    job.submitted.path("environmentVariables"), !inputs.isEmpty(), null), work);
            setUnlessStopping(ws, job.name, exit == 0 ? "Completed" : "Failed");
        } finally {
            made.removeNetwork(network);
            deleteQuietly(work);
        }
    }

    /**
     * Runs a job's containers, one per process of its {@link ProcessLayout}: its code snapshot ({@code submitted.codeId})
     * in the working directory, each process's output appended to its log as it comes; Running while they run. When one
     * process fails the others are stopped, as Azure ML stops a distributed job. Returns the first failure's exit code, or 0.
     */
    int runContainer(FakeWorkspace ws, FakeJob job, JobContainers.Spec spec, Path work) throws IOException {
        ProcessLayout layout = ProcessLayout.of(job.submitted);
        String base = made.name(job.name);
        List<ProcessLayout.Slot> slots = layout.slots(layout.single() ? base : base + "-0");
        List<String> names = slots.stream().map(slot -> layout.single() ? base : base + "-" + slot.rank()).toList();
        try {
            files.download(ws, job.submitted, work.resolve("wd"));
            for (int i = 0; i < slots.size(); i++) {
                made.create(names.get(i), job, spec, slots.get(i).environment(), work);
                containers.put(layout.single() ? job.name : job.name + RANK_SEPARATOR + i, names.get(i));
            }
            setUnlessStopping(ws, job.name, "Running");
            ProcessGroup group = new ProcessGroup(docker, blobs, executor);
            int exit = layout.single() ? group.attach(job, names.get(0), slots.get(0)) : group.attachAll(job, names, slots);
            if (exit == 0 && spec.outputsTo() != null) {
                made.copyOutputs(names.get(0), spec.outputsTo());
            }
            return exit;
        } finally {
            containers.keySet().removeIf(key -> key.equals(job.name) || key.startsWith(job.name + RANK_SEPARATOR));
            names.forEach(made::remove);
        }
    }

    static void setUnlessStopping(FakeWorkspace ws, String job, String status) {
        synchronized (ws.jobs) {
            if (ws.jobs.find(job).map(j -> !STOPPING.contains(j.status) && !j.terminal()).orElse(false)) {
                ws.jobs.setStatus(job, status);
            }
        }
    }

    static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("Could not delete {}", folder, e);
        }
    }

    /** Removes every container and network this fake made (by its label), running or not. */
    @Override
    public void close() {
        containers.values().forEach(made::remove);
        try {
            made.removeAll();
        } catch (IOException e) {
            LOG.warn("The fake could not list its containers to remove them", e);
        }
    }
}

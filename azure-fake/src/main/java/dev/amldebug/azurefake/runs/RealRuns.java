package dev.amldebug.azurefake.runs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.amldebug.azurefake.workspace.FakeWorkspace;
import dev.amldebug.azurefake.blobs.BlobStore;
import dev.amldebug.azurefake.jobs.FakeJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
 */
public final class RealRuns implements AutoCloseable {
    public static final String LOG_FILE = "user_logs/std_log.txt";
    /** The label on every container and network, valued with this fake's id: nobody else's are ever touched. */
    public static final String LABEL = "dev.amldebug.fake";
    private static final Logger LOG = LoggerFactory.getLogger(RealRuns.class);
    /** Where the inputs are mounted on the node. */
    static final String INPUTS = "/mnt/azureml/cr/inputs";
    /** Where a pipeline step's outputs are written on the node. */
    static final String OUTPUTS = "/mnt/azureml/cr/outputs";
    private static final Set<String> STOPPING = Set.of("CancelRequested", "Canceled");
    /** Between a job's name and a process's rank in {@link #containers}' keys. */
    private static final String RANK_SEPARATOR = "#";

    private final DockerCli docker;
    private final String image;
    private final Supplier<BlobStore> blobs;
    private final JobFiles files;
    private final ExecutorService executor;
    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, String> containers = new ConcurrentHashMap<>();
    private final List<String> networks = new java.util.concurrent.CopyOnWriteArrayList<>();

    public RealRuns(DockerCli docker, String image, Supplier<BlobStore> blobs, ExecutorService executor) {
        this.docker = docker;
        this.image = image;
        this.blobs = blobs;
        this.files = new JobFiles(blobs);
        this.executor = executor;
    }

    /** The working directory of a job's command on the node, as Azure ML names it. */
    public static String workingDirectory(String jobName) {
        return "/mnt/azureml/cr/j/" + jobName.replaceAll("[^A-Za-z0-9]", "") + "/exe/wd";
    }

    /** Starts the job on the pool; its statuses say how it goes. */
    public void start(FakeWorkspace ws, FakeJob job) {
        executor.execute(() -> {
            try {
                run(ws, job);
            } catch (Exception e) {
                LOG.warn("The fake could not run job {}", job.name, e);
                blobs.get().append(job.name, LOG_FILE, ("The fake's compute could not run the job: " + e.getMessage() + "\n").getBytes());
                setUnlessStopping(ws, job.name, "Failed");
            }
        });
    }

    /** Starts a pipeline job on the pool: its steps run one by one in dependency order (see {@link PipelineRun}). */
    public void startPipeline(FakeWorkspace ws, FakeJob pipeline) {
        executor.execute(() -> {
            try {
                new PipelineRun(this, ws, pipeline).run();
            } catch (Exception e) {
                LOG.warn("The fake could not run pipeline {}", pipeline.name, e);
                blobs.get().append(pipeline.name, LOG_FILE, ("The fake's compute could not run the pipeline: " + e.getMessage() + "\n").getBytes());
                setUnlessStopping(ws, pipeline.name, "Failed");
            }
        });
    }

    /** Stops a job's container, for a cancel. */
    public void stop(String jobName) {
        containers.forEach((job, container) -> {
            if (job.equals(jobName) || job.startsWith(jobName + RANK_SEPARATOR) || job.startsWith(jobName + PipelineRun.STEP_SEPARATOR)) {
                docker.quietly("rm", "-f", container);
            }
        });
    }

    private void run(FakeWorkspace ws, FakeJob job) throws IOException {
        setUnlessStopping(ws, job.name, "Queued");
        String network = containerName(job.name);
        Path work = Files.createTempDirectory("aml-fake-code-");
        try {
            Map<String, String> inputs = files.downloadInputs(job, work.resolve("inputs"));
            createNetwork(network);
            int exit = runContainer(ws, job, new Container(network, JobFiles.command(job.submitted, inputs),
                    job.submitted.path("environmentVariables"), !inputs.isEmpty(), null), work);
            setUnlessStopping(ws, job.name, exit == 0 ? "Completed" : "Failed");
        } finally {
            removeNetwork(network);
            deleteQuietly(work);
        }
    }

    /**
     * What one container of a job gets: the network it joins, its command, its environment variables, whether
     * {@code work/inputs} goes to {@link #INPUTS}, and the host folder its {@link #OUTPUTS} come back to (or null).
     */
    record Container(String network, String command, JsonNode environmentVariables, boolean hasInputs, Path outputsTo) {
    }

    /**
     * Runs a job's containers, one per process of its {@link ProcessLayout}: its code snapshot ({@code submitted.codeId})
     * in the working directory, each process's output appended to its log as it comes; Running while they run. When one
     * process fails the others are stopped, as Azure ML stops a distributed job. Returns the first failure's exit code, or 0.
     */
    int runContainer(FakeWorkspace ws, FakeJob job, Container spec, Path work) throws IOException {
        ProcessLayout layout = ProcessLayout.of(job.submitted);
        String base = containerName(job.name);
        List<ProcessLayout.Slot> slots = layout.slots(layout.single() ? base : base + "-0");
        List<String> names = slots.stream().map(slot -> layout.single() ? base : base + "-" + slot.rank()).toList();
        try {
            files.download(ws, job.submitted, work.resolve("wd"));
            for (int i = 0; i < slots.size(); i++) {
                create(names.get(i), job, spec, slots.get(i).environment(), work);
                containers.put(layout.single() ? job.name : job.name + RANK_SEPARATOR + i, names.get(i));
            }
            setUnlessStopping(ws, job.name, "Running");
            ProcessGroup group = new ProcessGroup(docker, blobs, executor);
            int exit = layout.single() ? group.attach(job, names.get(0), slots.get(0)) : group.attachAll(job, names, slots);
            if (exit == 0 && spec.outputsTo() != null) {
                Files.createDirectories(spec.outputsTo());
                docker.run("cp", names.get(0) + ":" + OUTPUTS + "/.", spec.outputsTo().toAbsolutePath().toString());
            }
            return exit;
        } finally {
            containers.keySet().removeIf(key -> key.equals(job.name) || key.startsWith(job.name + RANK_SEPARATOR));
            names.forEach(name -> docker.quietly("rm", "-f", name));
        }
    }

    private void create(String name, FakeJob job, Container spec, Map<String, String> environment, Path work) throws IOException {
        docker.run(createArguments(name, job, spec, environment).toArray(String[]::new));
        if (Files.isDirectory(work.resolve("wd"))) {
            docker.run("cp", work.resolve("wd").toAbsolutePath() + "/.", name + ":" + workingDirectory(job.name));
        }
        if (spec.hasInputs()) {
            docker.run("cp", work.resolve("inputs").toAbsolutePath() + "/.", name + ":" + INPUTS);
        }
    }

    private String containerName(String jobName) {
        return "aml-fake-" + id + "-" + jobName.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-");
    }

    void createNetwork(String network) throws IOException {
        docker.run("network", "create", "--label", LABEL + "=" + id, network);
        networks.add(network);
    }

    void removeNetwork(String network) {
        docker.quietly("network", "rm", network);
        networks.remove(network);
    }

    private List<String> createArguments(String name, FakeJob job, Container spec, Map<String, String> environment) {
        List<String> args = new ArrayList<>(List.of("create", "--name", name, "--label", LABEL + "=" + id, "--network", spec.network(),
                "--workdir", workingDirectory(job.name), "-e", "AZUREML_RUN_ID=" + job.name, "-e", "PYTHONUNBUFFERED=1"));
        environment.forEach((key, value) -> args.addAll(List.of("-e", key + "=" + value)));
        spec.environmentVariables().fields().forEachRemaining(e -> args.addAll(List.of("-e", e.getKey() + "=" + e.getValue().asText())));
        args.addAll(List.of(image, "/bin/bash", "-c", spec.command()));
        return args;
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
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("Could not delete {}", folder, e);
        }
    }

    /** Removes every container and network this fake made (by its label), running or not. */
    @Override
    public void close() {
        containers.values().forEach(c -> docker.quietly("rm", "-f", c));
        try {
            for (String c : docker.run("ps", "-aq", "--filter", "label=" + LABEL + "=" + id).lines().toList()) {
                docker.quietly("rm", "-f", c);
            }
            for (String n : docker.run("network", "ls", "-q", "--filter", "label=" + LABEL + "=" + id).lines().toList()) {
                docker.quietly("network", "rm", n);
            }
        } catch (IOException e) {
            LOG.warn("The fake could not list its containers to remove them", e);
        }
    }
}

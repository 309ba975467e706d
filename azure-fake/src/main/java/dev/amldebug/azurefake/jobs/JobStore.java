package dev.amldebug.azurefake.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The jobs of one workspace. A created job moves NotStarted -> Queued -> Running, one step per read, unless told otherwise. */
public final class JobStore {
    private static final List<String> PROGRESS = List.of("NotStarted", "Queued", "Running");
    private static final Set<String> STATUSES = Set.of("NotStarted", "Starting", "Provisioning", "Preparing", "Queued", "Running",
            "Finalizing", "CancelRequested", "Completed", "Failed", "Canceled", "NotResponding", "Paused", "Unknown");
    private final Map<String, FakeJob> jobs = new LinkedHashMap<>();
    private final String computeId;
    private boolean autoProgress = true;

    public JobStore(String computeId) {
        this.computeId = computeId;
    }

    /** Seeds n jobs over five experiments: the newest Running, a few Failed and Canceled, every tenth a pipeline with two steps. */
    public synchronized void seed(int n) {
        Instant now = Instant.now();
        for (int i = 0; i < n; i++) {
            boolean pipeline = i % 10 == 7;
            FakeJob job = new FakeJob(String.format("job-%04d", i), pipeline ? "Pipeline" : "Command", null, now.minus(Duration.ofMinutes(10L * i + 1)));
            job.displayName = pipeline ? "pipeline " + i : "train " + i;
            job.experimentName = "experiment-" + (i % 5);
            job.computeId = computeId;
            job.status = i == 0 ? "Running" : i % 17 == 3 ? "Failed" : i % 23 == 5 ? "Canceled" : "Completed";
            job.startTime = job.created.plusSeconds(30);
            job.endTime = job.terminal() ? job.startTime.plusSeconds(60 + i % 300) : null;
            jobs.put(job.name, job);
            if (pipeline) {
                for (int step = 1; step <= 2; step++) {
                    FakeJob child = new FakeJob(job.name + "-step-" + step, "Command", job.name, job.created.plusSeconds(step));
                    child.displayName = step == 1 ? "prep" : "train";
                    child.experimentName = job.experimentName;
                    child.computeId = computeId;
                    child.status = job.status;
                    child.startTime = job.startTime;
                    child.endTime = job.endTime;
                    jobs.put(child.name, child);
                }
            }
        }
    }

    public synchronized FakeJob create(String name, String jobType, ObjectNode submitted) {
        FakeJob job = new FakeJob(name, jobType, null, Instant.now());
        job.submitted = submitted;
        job.displayName = submitted.path("displayName").asText(name);
        job.experimentName = submitted.path("experimentName").asText("Default");
        job.computeId = submitted.path("computeId").asText(null);
        job.status = "NotStarted";
        jobs.put(name, job);
        return job;
    }

    /** A pipeline step's run: a child of its pipeline in run history, submitted as a command job. */
    public synchronized FakeJob createStep(String parent, String name, String displayName, ObjectNode submitted) {
        FakeJob job = new FakeJob(name, "Command", parent, Instant.now());
        job.submitted = submitted;
        job.displayName = displayName;
        job.experimentName = submitted.path("experimentName").asText("Default");
        job.computeId = submitted.path("computeId").asText(null);
        job.status = "NotStarted";
        jobs.put(name, job);
        return job;
    }

    public synchronized Optional<FakeJob> find(String name) {
        return Optional.ofNullable(jobs.get(name));
    }

    /** Reads a job as a poll does: a created job advances one step towards Running. */
    public synchronized Optional<FakeJob> read(String name) {
        FakeJob job = jobs.get(name);
        if (job != null && autoProgress && job.submitted != null && !job.realRun) {
            int at = PROGRESS.indexOf(job.status);
            if (at >= 0 && at < PROGRESS.size() - 1) {
                setStatus(job, PROGRESS.get(at + 1));
            }
        }
        return Optional.ofNullable(job);
    }

    /** Top-level jobs, newest first (steps are listed as their pipeline's children). */
    public synchronized List<FakeJob> topLevel() {
        return jobs.values().stream().filter(j -> j.parentName == null)
                .sorted(Comparator.comparing((FakeJob j) -> j.created).reversed()).toList();
    }

    public synchronized List<FakeJob> children(String parent) {
        return jobs.values().stream().filter(j -> parent.equals(j.parentName)).toList();
    }

    public synchronized List<String> experiments() {
        return jobs.values().stream().map(j -> j.experimentName).distinct().sorted().toList();
    }

    public synchronized void setStatus(String name, String status) {
        FakeJob job = jobs.get(name);
        if (job == null) {
            throw new IllegalArgumentException("No job " + name);
        }
        setStatus(job, status);
    }

    /** The job's statuses come from its real run from now on. */
    public synchronized void runForReal(String name) {
        jobs.get(name).realRun = true;
    }

    public synchronized void autoProgress(boolean on) {
        this.autoProgress = on;
    }

    private void setStatus(FakeJob job, String status) {
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("Not an Azure ML job status: " + status);
        }
        job.status = status;
        if (status.equals("Running") && job.startTime == null) {
            job.startTime = Instant.now();
        }
        if (job.terminal() && job.endTime == null) {
            job.endTime = Instant.now();
        }
    }

    public synchronized List<FakeJob> all() {
        return new ArrayList<>(jobs.values());
    }
}

package dev.amldebug.runner.run;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.amldebug.runner.deploy.HealthProbe;
import dev.amldebug.runner.deploy.ScoringServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Follows a deployment from the process that started it: its container's log into the driver
 * log, Starting to Healthy once {@code GET /} answers, through restarts, to its end: Canceled
 * and Stopped when brought down, Failed when the server exits on its own (init() raised).
 * A paused debugger makes {@code GET /} wait; nothing here ever counts that against it.
 */
public final class DeploymentFollower {
    private final DockerClient docker;
    private final RunStore store;

    public DeploymentFollower(DockerClient docker, RunStore store) {
        this.docker = docker;
        this.store = store;
    }

    /** For a deployment whose starting process detached: this process follows it from now on. */
    public RunRecord followDetached(String runId) throws InterruptedException {
        store.update(runId, RunOwner::claim);
        return follow(runId, RunListener.NONE);
    }

    public RunRecord follow(String runId, RunListener listener) throws InterruptedException {
        RunRecord record = store.read(runId);
        ControlLog log = new ControlLog(store.controlLog(runId), listener);
        HealthProbe probe = new HealthProbe(URI.create(record.deployment().scoringUri()).getPort());
        boolean first = true;
        while (true) {
            int since = logsSince(runId, record.containerId, first);
            first = false;
            DriverLogStream driver = new DriverLogStream(runId, store, listener, record.debugEndpoint);
            docker.logContainerCmd(record.containerId).withStdOut(true).withStdErr(true).withFollowStream(true)
                    .withSince(since).exec(driver);
            if (probe.awaitHealthy(() -> isRunning(record.containerId))) {
                log.line("Healthy: GET / answered; scoring at " + record.deployment().scoringUri() + ".");
                listener.statusChanged(store.update(runId, r -> r.deployment().setHealth(DeploymentHealth.Healthy)));
            }
            int exitCode = awaitExit(record.containerId);
            closeQuietly(driver);
            if (!store.read(runId).deployment().restartRequested()) {
                return end(runId, record.containerId, exitCode, log, listener);
            }
            log.line("Restarting: the server stopped with code " + exitCode + " and starts again with the code as it is now.");
            awaitRunning(record.containerId);
            listener.statusChanged(store.update(runId, r -> r.deployment().restarted()));
        }
    }

    private RunRecord end(String runId, String containerId, int exitCode, ControlLog log, RunListener listener) {
        RunRecord before = store.read(runId);
        boolean failed = !before.cancelRequested;
        boolean starting = before.deployment().health() != DeploymentHealth.Healthy;
        String output = starting && failed ? output(containerId) : "";
        new RunFinisher(store, new RunContainers(docker)).finish(runId, containerId, exitCode);
        RunRecord ended = store.update(runId, r -> {
            if (failed) {
                r.error = exitCode == ScoringServer.EXIT_SCRIPT_FAILED
                        ? "the scoring script could not start (init() raised, or init or run is missing); see its log"
                        : starting ? StartupCheck.message(exitCode, output)
                        : "the scoring server exited with code " + exitCode;
            }
        });
        log.line(failed ? "The deployment failed: " + ended.error + (ended.error.endsWith(".") ? "" : ".")
                : "The deployment is down.");
        listener.statusChanged(ended);
        return ended;
    }

    /** The container's own output, before it is removed: the driver log may not have all of it yet. */
    private String output(String containerId) {
        try {
            return new String(new RunContainers(docker).logs(containerId), StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        } catch (NotFoundException e) {
            return "";
        }
    }

    /**
     * Where to read the container's output from: its (latest) start, so that a follower that starts late (a detached
     * deployment's) loses nothing and a restart repeats nothing; when an earlier follower already wrote the driver
     * log (an editor that handed the deployment over), from about now.
     */
    private int logsSince(String runId, String containerId, boolean first) {
        boolean handedOver = first && store.driverLog(runId).toFile().length() > 0;
        String startedAt = docker.inspectContainerCmd(containerId).exec().getState().getStartedAt();
        int now = (int) (System.currentTimeMillis() / 1000) - 1;
        if (handedOver || startedAt == null) {
            return now;
        }
        try {
            return (int) Instant.parse(startedAt).getEpochSecond();
        } catch (DateTimeParseException e) {
            return now;
        }
    }

    private int awaitExit(String containerId) {
        try {
            return docker.waitContainerCmd(containerId).start().awaitStatusCode();
        } catch (NotFoundException e) {
            return -1;
        }
    }

    private boolean isRunning(String containerId) {
        try {
            Boolean running = docker.inspectContainerCmd(containerId).exec().getState().getRunning();
            return Boolean.TRUE.equals(running);
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** A restart stops and starts the same container; following resumes once it runs again. */
    private void awaitRunning(String containerId) throws InterruptedException {
        for (int i = 0; i < 300 && !isRunning(containerId); i++) {
            Thread.sleep(100);
        }
    }

    private static void closeQuietly(DriverLogStream driver) {
        try {
            driver.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the driver log", e);
        }
    }
}

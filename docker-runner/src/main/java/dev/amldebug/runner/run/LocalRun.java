package dev.amldebug.runner.run;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A started run, followed by this process until its container exits. */
public final class LocalRun {
    private final RunRecord started;
    private final DriverLogStream driver;
    private final DockerClient docker;
    private final RunFinisher finisher;
    private final ControlLog log;
    private final RunListener listener;
    private volatile RunRecord ended;

    LocalRun(RunRecord started, DriverLogStream driver, DockerClient docker, RunFinisher finisher, ControlLog log,
             RunListener listener) {
        this.started = started;
        this.driver = driver;
        this.docker = docker;
        this.finisher = finisher;
        this.log = log;
        this.listener = listener;
    }

    static LocalRun ended(RunRecord record) {
        LocalRun run = new LocalRun(record, null, null, null, null, RunListener.NONE);
        run.ended = record;
        return run;
    }

    public String id() {
        return started.id;
    }

    public RunRecord record() {
        return ended != null ? ended : started;
    }

    /**
     * Waits for the container to exit and its output to be written, then records the end.
     * Only for runs this process follows (not detached).
     */
    public RunRecord await() throws InterruptedException {
        if (ended != null) {
            return ended;
        }
        if (driver == null) {
            throw new IllegalStateException("run " + started.id + " is detached; nothing here follows it");
        }
        int exitCode = docker.waitContainerCmd(started.containerId).start().awaitStatusCode();
        driver.awaitCompletion();
        try {
            driver.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the driver log", e);
        }
        ended = finisher.finish(started.id, started.containerId, exitCode);
        log.line("Container exited with code " + exitCode + "; run " + ended.status + ".");
        listener.statusChanged(ended);
        return ended;
    }
}

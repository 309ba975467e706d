package dev.amldebug.runner.run;

import com.github.dockerjava.api.DockerClient;
import dev.amldebug.runner.image.BuildFailedException;
import dev.amldebug.runner.image.EnvironmentImages;
import dev.amldebug.runner.image.ImageBuildListener;
import dev.amldebug.runner.image.ImageRef;
import dev.amldebug.runner.image.ImageUsage;
import dev.amldebug.runner.spec.RunSpec;
import java.util.function.Function;

/**
 * What every local run goes through before its containers start: Preparing, the image built or reused, a cancel
 * that came meanwhile; and the failure of any of it recorded (Failed, the reason in the control log) and thrown on.
 */
public final class RunStart {
    /** Starts the run's containers once the image is ready. */
    public interface Containers<T> {
        T start(ImageRef image, ControlLog log, RunFinisher finisher);
    }

    private final DockerClient docker;
    private final RunStore store;
    private final ImageUsage usage;

    public RunStart(DockerClient docker, RunStore store, ImageUsage usage) {
        this.docker = docker;
        this.store = store;
        this.usage = usage;
    }

    /** @param canceled what to return when the run was canceled before its containers started */
    public <T> T start(String runId, RunSpec spec, RunListener listener, Containers<T> containers,
                       Function<RunRecord, T> canceled) {
        ControlLog log = new ControlLog(store.controlLog(runId), listener);
        RunFinisher finisher = new RunFinisher(store, new RunContainers(docker));
        try {
            log.line("Run " + runId + " of experiment " + spec.experimentName() + " from " + spec.source());
            listener.statusChanged(store.update(runId, r -> r.status = RunStatus.Preparing));
            ImageRef image = new EnvironmentImages(docker).ensure(spec.environment(), buildListener(runId, log, listener));
            usage.touch(image.hash());
            if (store.read(runId).cancelRequested) {
                log.line("Canceled before the container started.");
                return canceled.apply(finisher.fail(runId, "canceled before the container started"));
            }
            return containers.start(image, log, finisher);
        } catch (BuildFailedException e) {
            log.line(e.getMessage());
            log.line("Last lines of the build:");
            e.tail().forEach(line -> log.line("  " + line));
            listener.statusChanged(finisher.fail(runId, e.getMessage()));
            throw e;
        } catch (RuntimeException e) {
            log.line("The run could not start: " + e.getMessage());
            listener.statusChanged(finisher.fail(runId, e.getMessage()));
            throw e;
        }
    }

    private static ImageBuildListener buildListener(String runId, ControlLog log, RunListener listener) {
        return new ImageBuildListener() {
            @Override
            public void line(String text) {
                log.line(text);
            }

            @Override
            public void step(int step, int total) {
                listener.event(new RunEvent.ImageBuildStep(runId, step, total));
            }

            @Override
            public void reused(String tag) {
                listener.event(new RunEvent.ImageReused(runId, tag));
            }
        };
    }
}

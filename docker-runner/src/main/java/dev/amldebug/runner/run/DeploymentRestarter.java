package dev.amldebug.runner.run;

import com.github.dockerjava.api.DockerClient;
import dev.amldebug.errors.AmlDebugException;
import java.nio.file.Path;

/**
 * Picks up edits to a deployment's code: a fresh snapshot of the app folder, then the same
 * container restarted, which rebuilds nothing. Whoever follows the deployment keeps following it.
 */
public final class DeploymentRestarter {
    private final DockerClient docker;
    private final RunStore store;

    public DeploymentRestarter(DockerClient docker, RunStore store) {
        this.docker = docker;
        this.store = store;
    }

    public RunRecord restart(String runId) {
        RunRecord record = store.read(runId);
        if (record.kind != RunKind.deployment || !record.isActive() || record.containerId == null) {
            throw AmlDebugException.badInput("Run " + runId + " is not a deployment that is up (" + record.status
                    + "); start one with: aml-debug deploy up");
        }
        store.update(runId, r -> r.deployment().requestRestart());
        RunPruner.delete(store.snapshot(runId));
        DeploymentRunner.snapshot(Path.of(record.codeDir), record.deployment().model(), store.snapshot(runId));
        new ControlLog(store.controlLog(runId), RunListener.NONE).line("Restart requested: a new snapshot of "
                + record.codeDir + ".");
        docker.restartContainerCmd(record.containerId).withTimeout(RunContainers.STOP_GRACE_SECONDS).exec();
        return store.read(runId);
    }
}

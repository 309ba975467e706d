package dev.amldebug.server.lsp;

import com.github.dockerjava.api.DockerClient;
import dev.amldebug.runner.debug.DebugOptions;
import dev.amldebug.runner.image.ImageUsage;
import dev.amldebug.runner.run.LocalRun;
import dev.amldebug.runner.run.LocalRunner;
import dev.amldebug.runner.run.RunCanceller;
import dev.amldebug.runner.run.RunContainers;
import dev.amldebug.runner.run.RunListener;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStore;
import dev.amldebug.runner.run.StartOptions;
import dev.amldebug.runner.spec.RunSpec;
import dev.amldebug.runner.spec.RunSpecLoader;
import dev.amldebug.server.lsp.Protocol.DebugReadyParams;
import dev.amldebug.server.lsp.Protocol.RunStatusParams;
import dev.amldebug.server.lsp.Protocol.TreeChangedParams;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs submitted through the language server: queued at once (the id goes back to the
 * client), then prepared, started and followed in the background, with progress, live logs,
 * status changes and, for debug runs, debugReady.
 */
public final class RunSessions {
    private static final Logger LOG = LoggerFactory.getLogger(RunSessions.class);

    /** Arguments of azureml.submitExperiment. */
    public record Submit(String configuration, String experiment, Boolean debug, Integer waitTimeout) {
    }

    private final Path workspace;
    private final String baseImage;
    private final Supplier<DockerClient> docker;
    private final Supplier<AmlLanguageClient> client;
    private final LogBatcher logs;

    public RunSessions(Path workspace, String baseImage, Supplier<DockerClient> docker, Supplier<AmlLanguageClient> client,
                       LogBatcher logs) {
        this.workspace = workspace;
        this.baseImage = baseImage;
        this.docker = docker;
        this.client = client;
        this.logs = logs;
    }

    /** Validates the configuration and queues the run; everything slow happens after this returns. */
    public String submit(Submit submit) {
        if (submit.configuration() == null) {
            throw new IllegalArgumentException("submitExperiment needs configuration: a job YAML, .runconfig or script.");
        }
        RunSpec loaded = new RunSpecLoader(baseImage).load(workspace.resolve(submit.configuration()), null, List.of());
        RunSpec spec = submit.experiment() == null ? loaded : loaded.withExperimentName(submit.experiment());
        LocalRunner runner = new LocalRunner(docker.get(), workspace, ImageUsage.inUserCache());
        String runId = runner.queue(spec);
        client.get().treeChanged(new TreeChangedParams("local/experiments"));
        StartOptions options = Boolean.TRUE.equals(submit.debug())
                ? StartOptions.debug(new DebugOptions(submit.waitTimeout() == null ? 300 : submit.waitTimeout(), false, false))
                : StartOptions.FOREGROUND;
        Thread thread = new Thread(() -> follow(runner, runId, spec, options), "run-" + runId);
        thread.setDaemon(true);
        thread.start();
        return runId;
    }

    private void follow(LocalRunner runner, String runId, RunSpec spec, StartOptions options) {
        RunProgress progress = new RunProgress(client.get(), runId, options.debug());
        try {
            LocalRun run = runner.start(runId, spec, options, listener(runId, spec.experimentName(), progress));
            if (run.record().debugEndpoint != null) {
                client.get().debugReady(new DebugReadyParams(runId, run.record().debugEndpoint));
            }
            run.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.debug("Run {} could not start", runId, e);
        } finally {
            progress.end();
            logs.flush();
        }
    }

    private RunListener listener(String runId, String experiment, RunProgress progress) {
        return new RunListener() {
            @Override
            public void controlLine(String line) {
                logs.lines(runId, RunStore.CONTROL_LOG, List.of(line));
                progress.controlLine(line);
            }

            @Override
            public void driverOutput(String text) {
                logs.text(runId, RunStore.DRIVER_LOG, text);
                progress.driverOutput(text);
            }

            @Override
            public void statusChanged(RunRecord record) {
                client.get().runStatus(new RunStatusParams(runId, record.status.name(), record.exitCode));
                client.get().treeChanged(new TreeChangedParams("experiment/" + experiment));
            }
        };
    }

    public RunRecord cancel(String runId) throws InterruptedException {
        RunStore store = new RunStore(workspace);
        if (!store.read(runId).isActive()) {
            return store.read(runId);
        }
        return new RunCanceller(store, new RunContainers(docker.get())).cancel(runId);
    }
}

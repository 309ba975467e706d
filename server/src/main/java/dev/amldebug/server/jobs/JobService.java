package dev.amldebug.server.jobs;

import dev.amldebug.azure.Job;
import dev.amldebug.azure.WorkspaceClient;
import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.bridge.hub.DebugHub;
import dev.amldebug.bridge.target.PathMapping;
import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.server.azure.AzureSubmitter;
import dev.amldebug.server.azure.ConnectBack;
import dev.amldebug.server.azure.GuideAttach;
import dev.amldebug.server.azure.JobSteps;
import dev.amldebug.server.azure.PipelineJobBody;
import dev.amldebug.server.azure.RemoteStepDebug;
import dev.amldebug.server.azure.ReplayPreparation;
import dev.amldebug.server.run.RunRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * Cloud jobs of one Azure ML workspace, for every surface alike: submits a job YAML as the request says (plain, a
 * pipeline with steps to debug, a command job under the debugger, post-mortem, connect-back), and follows it for the
 * processes that wait for a debugger, handing each to the surface's {@link Debuggees}. The command line attaches its
 * console to them; the editor is told to attach.
 */
public final class JobService {
    private final WorkspaceClient workspace;
    private final WorkspaceId workspaceId;
    private final Path folder;
    private final ExecutorService executor;
    private final DebuggeeWatches watches;

    /**
     * @param folder   the user's folder: relative paths start there, and debug snapshots are built under its .azureml/
     * @param executor runs the watches and a connect-back hub; a thread each while they last
     */
    public JobService(WorkspaceClient workspace, WorkspaceId workspaceId, Path folder, ExecutorService executor) {
        this.workspace = workspace;
        this.workspaceId = workspaceId;
        this.folder = folder;
        this.executor = executor;
        this.watches = new DebuggeeWatches(workspace, executor);
    }

    public SubmittedJob submit(JobRequest request, Debuggees to) {
        AzureSubmitter submitter = new AzureSubmitter(workspace, workspaceId, to::say, to.transfers());
        Path file = request.jobFile();
        return switch (request.mode(PipelineJobBody.isPipeline(file))) {
            case PLAIN -> submitted(submitter.submit(file, request.compute(), request.experiment()), List.of(), to);
            case PIPELINE -> pipeline(submitter, request, to);
            case DEBUGGED -> {
                AzureSubmitter.DebuggedJob job = submitter.submitDebugged(file, request.compute(), request.experiment(),
                        request.remoteDebug(folder));
                yield submitted(job.job(), request.watch() ? List.of(watches.job(job, request.watchFor())) : List.of(), to);
            }
            case POST_MORTEM -> {
                AzureSubmitter.DebuggedJob job = submitter.submitDebugged(file, request.compute(), request.experiment(),
                        request.postMortemOnly(folder));
                yield submitted(job.job(), request.watch() ? List.of(watches.jobFailures(job)) : List.of(), to);
            }
            case CONNECT_BACK -> connectBack(submitter, request, to);
        };
    }

    /**
     * A cloud job (or step) brought here under the folder's .azureml/replays/ (code, environment, inputs), as the local
     * run to start: the surface adds its debug options and submits it to the run service.
     */
    public RunRequest replay(ReplayRequest request, Consumer<String> progress) {
        String runId = JobSteps.resolve(workspace, request.job(), request.step());
        ReplayPreparation preparation = request.inputHint() == null ? new ReplayPreparation(workspace, progress)
                : new ReplayPreparation(workspace, progress, request.inputHint());
        ReplayPreparation.Prepared prepared = preparation.prepare(runId, folder, request.inputs(), request.environment() != null);
        progress.accept("replay of " + prepared.replayOf() + ": " + prepared.jobFile());
        return RunRequest.of(prepared.jobFile()).withReplayOf(prepared.replayOf())
                .withEnvironment(request.environment() == null ? null : request.environment().toAbsolutePath());
    }

    /**
     * The guide's way to debug a job: its script starts debugpy and logs {@code ip_address: ...}; waits up to
     * {@code timeout} for that line in the log of the job, its step, or its node.
     */
    public GuideEndpoint guideAddress(String job, String step, Integer node, Duration timeout, Consumer<String> progress) {
        String runId = JobSteps.resolve(workspace, job, step);
        return new GuideEndpoint(runId, GuideAttach.address(workspace, runId, node, timeout, progress));
    }

    private SubmittedJob pipeline(AzureSubmitter submitter, JobRequest request, Debuggees to) {
        RemoteStepDebug debug = request.remoteDebug(folder);
        AzureSubmitter.PipelineSubmission submitted = submitter.submitPipeline(request.jobFile(), request.compute(),
                request.experiment(), debug);
        String pipeline = submitted.job().name();
        List<DebuggeeWatches.Watch> following = new ArrayList<>();
        for (PipelineJobBody.Step step : request.watch() ? submitted.steps().values() : List.<PipelineJobBody.Step>of()) {
            if (debug.waitsAtStart(step.name())) {
                following.add(watches.step(pipeline, step, request.watchFor()));
            } else if (debug.covers(step.name())) {
                following.add(watches.stepFailures(pipeline, step, request.watchFor()));
            }
        }
        return submitted(submitted.job(), following, to);
    }

    /** The hub listens before the job is submitted (its token travels in the debug snapshot) and closes when the job ends. */
    private SubmittedJob connectBack(AzureSubmitter submitter, JobRequest request, Debuggees to) {
        ConnectBack back = request.dialBack();
        DebugHub hub;
        try {
            hub = DebugHub.start(back.bindAddress(), back.port(), executor);
        } catch (IOException e) {
            throw AmlDebugException.environment("The debug hub could not listen on " + back.bindAddress().getHostAddress()
                    + ":" + back.port() + " (" + e.getMessage() + "): choose another port for connect-back.", e);
        }
        try {
            to.say("Debug hub listening on " + hub.address().getHostString() + ":" + hub.address().getPort()
                    + "; the job's processes dial " + back.address() + ".");
            AzureSubmitter.DebuggedJob job = submitter.submitDebugged(request.jobFile(), request.compute(),
                    request.experiment(), request.remoteDebug(folder).dialingBack(back.withToken(hub.token())));
            String name = job.job().name();
            // The guide's mapping: a process's working directory is the job's code folder.
            to.hub(new JobHub(name, hub, job.codeFolder(), List.of(new PathMapping(job.codeFolder().toString(), ".")),
                    job.processes()));
            executor.execute(() -> closeWhenEnded(name, hub));
            return submitted(job.job(), List.of(), to);
        } catch (RuntimeException e) {
            hub.close();
            throw e;
        }
    }

    private void closeWhenEnded(String jobName, DebugHub hub) {
        try {
            new JobWait(workspace).awaitEnd(jobName);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The job can no longer be read: the hub has nothing left to wait for.
        } finally {
            hub.close();
        }
    }

    private SubmittedJob submitted(Job job, List<DebuggeeWatches.Watch> following, Debuggees to) {
        CompletableFuture<Void> watching = following.isEmpty() ? CompletableFuture.completedFuture(null)
                : watches.start(following, to);
        return new SubmittedJob(job, workspace.studioUrl(job.name()), watching);
    }
}

package dev.amldebug.server.jobs;

import dev.amldebug.azure.WorkspaceClient;
import dev.amldebug.server.azure.AzureSubmitter;
import dev.amldebug.server.azure.PipelineJobBody;
import dev.amldebug.server.azure.PostMortemWatch;
import dev.amldebug.server.azure.StepEndpointWatch;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.ToIntFunction;

/**
 * Follows a submitted job for the processes that wait for a debugger, each watch on a thread of its own: a debugged
 * step or job (its shim's line that says where it listens), and the steps or job submitted with post-mortem (a
 * process's line that says it failed and waits). What they find goes to the surface's {@link Debuggees}.
 */
final class DebuggeeWatches {
    /**
     * One thing to follow: its name for sentences, how many processes it should find (0: as many as fail), and the
     * following itself, which hands each process it finds to the surface and returns how many it found.
     */
    record Watch(String named, int processes, ToIntFunction<Debuggees> follow) {
    }

    private final WorkspaceClient workspace;
    private final Executor executor;

    DebuggeeWatches(WorkspaceClient workspace, Executor executor) {
        this.workspace = workspace;
        this.executor = executor;
    }

    /** Each process of a debugged step, as its shim listens. */
    Watch step(String pipelineJob, PipelineJobBody.Step step, Duration timeout) {
        return new Watch("step " + step.name() + " of " + pipelineJob, step.processes(), to -> endpoints(to)
                .awaitEach(pipelineJob, step, timeout, found -> to.ready(new Debuggee(found, step.codeFolder(), pipelineJob, step.name()))));
    }

    /** Each process of a command job submitted under the debugger, as its shim listens. */
    Watch job(AzureSubmitter.DebuggedJob job, Duration timeout) {
        String name = job.job().name();
        return new Watch("job " + name, job.processes(), to -> endpoints(to).awaitJob(name, job.processes(), timeout,
                found -> to.ready(new Debuggee(found, job.codeFolder(), null, null))));
    }

    /** Each process of a step submitted with post-mortem that fails and waits. */
    Watch stepFailures(String pipelineJob, PipelineJobBody.Step step, Duration timeout) {
        return new Watch("step " + step.name() + " of " + pipelineJob, 0, to -> new PostMortemWatch(workspace, to::say)
                .follow(endpoints(to).runOf(pipelineJob, step, timeout),
                        found -> to.ready(new Debuggee(found, step.codeFolder(), pipelineJob, step.name()))));
    }

    /** Each process of a command job submitted with post-mortem that fails and waits. */
    Watch jobFailures(AzureSubmitter.DebuggedJob job) {
        return new Watch("job " + job.job().name(), 0, to -> new PostMortemWatch(workspace, to::say)
                .follow(job.job().name(), found -> to.ready(new Debuggee(found, job.codeFolder(), null, null))));
    }

    /** Starts the watches at once; done when all of them ended. */
    CompletableFuture<Void> start(List<Watch> watches, Debuggees to) {
        return CompletableFuture.allOf(watches.stream()
                .map(watch -> CompletableFuture.runAsync(() -> follow(watch, to), executor))
                .toArray(CompletableFuture[]::new));
    }

    private static void follow(Watch watch, Debuggees to) {
        LastSaid remembering = new LastSaid(to);
        try {
            int found = watch.follow().applyAsInt(remembering);
            if (found < watch.processes()) {
                // The watch's last word says why: the step or job went on without the shim's line.
                to.warn(remembering.last != null ? remembering.last
                        : watch.named() + " ended before its processes said where they listen.");
            }
        } catch (RuntimeException e) {
            to.failed(watch.named(), e);
        }
    }

    /** The surface, with the last line a watch said kept. */
    private static final class LastSaid implements Debuggees {
        private final Debuggees to;
        private volatile String last;

        LastSaid(Debuggees to) {
            this.to = to;
        }

        @Override
        public void ready(Debuggee debuggee) {
            to.ready(debuggee);
        }

        @Override
        public void hub(JobHub hub) {
            to.hub(hub);
        }

        @Override
        public void say(String line) {
            last = line;
            to.say(line);
        }

        @Override
        public void warn(String sentence) {
            to.warn(sentence);
        }

        @Override
        public void failed(String named, RuntimeException error) {
            to.failed(named, error);
        }
    }

    private StepEndpointWatch endpoints(Debuggees to) {
        return new StepEndpointWatch(workspace, to::say);
    }
}

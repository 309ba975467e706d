package dev.amldebug.cli;

import dev.amldebug.azure.WorkspaceClient;
import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.server.azure.AzureSubmitter;
import dev.amldebug.server.azure.GuideAttach;
import dev.amldebug.server.azure.PipelineJobBody;
import dev.amldebug.server.azure.PostMortemWatch;
import dev.amldebug.server.azure.StepEndpointWatch;
import dev.amldebug.server.threads.ServerThreads;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Attaches the console debugger to a debugged step of a submitted pipeline, or a command job submitted with --debug, as
 * soon as its shim listens (each of its processes in turn): the address policy holds, and the local code folder maps to
 * the working directory the shim reported.
 */
final class StepAttach {
    private final WorkspaceClient workspace;
    private final ServerThreads threads;
    private final PrintWriter out;
    private final ConsoleDebugOptions console;

    StepAttach(WorkspaceClient workspace, ServerThreads threads, PrintWriter out, ConsoleDebugOptions console) {
        this.workspace = workspace;
        this.threads = threads;
        this.out = out;
        this.console = console;
    }

    /**
     * Attaches to each process of the step in turn as its shim listens (one for a plain step; every rank of a
     * distributed one), while the watch goes on finding the others.
     */
    void attach(String pipelineJob, PipelineJobBody.Step step, Duration timeout) throws Exception {
        attachEach(step.codeFolder(), "step " + step.name(), onEach -> new StepEndpointWatch(workspace, this::say)
                .awaitEach(pipelineJob, step, timeout, onEach));
    }

    /** The same for a command job submitted under the shim. */
    void attach(AzureSubmitter.DebuggedJob job, Duration timeout) throws Exception {
        attachEach(job.codeFolder(), "job " + job.job().name(), onEach -> new StepEndpointWatch(workspace, this::say)
                .awaitJob(job.job().name(), job.processes(), timeout, onEach));
    }

    /**
     * After a pipeline's chosen steps: every other step submitted with --post-mortem is followed, and each process that
     * fails and waits is attached in turn, until every step ended.
     */
    void attachFailures(String pipelineJob, List<PipelineJobBody.Step> steps, Duration timeout) throws Exception {
        List<Watch> watches = new ArrayList<>();
        for (PipelineJobBody.Step step : steps) {
            watches.add(new Watch(step.codeFolder(), "step " + step.name(), onEach -> {
                PostMortemWatch watch = new PostMortemWatch(workspace, this::say);
                return watch.follow(new StepEndpointWatch(workspace, this::say).runOf(pipelineJob, step, timeout), onEach);
            }));
        }
        attachEach(watches);
    }

    /** A command job submitted with --post-mortem only: each process that fails and waits, attached in turn. */
    void attachFailures(AzureSubmitter.DebuggedJob job) throws Exception {
        attachEach(List.of(new Watch(job.codeFolder(), "job " + job.job().name(),
                onEach -> new PostMortemWatch(workspace, this::say).follow(job.job().name(), onEach))));
    }

    /** Something to follow for processes to attach to, and what they are. */
    private record Watch(Path codeFolder, String named, Function<Consumer<StepEndpointWatch.Found>, Integer> follow) {
    }

    private record Next(Watch watch, StepEndpointWatch.Found found) {
    }

    private void attachEach(Path codeFolder, String named, Function<Consumer<StepEndpointWatch.Found>, Integer> watch)
            throws Exception {
        attachEach(List.of(new Watch(codeFolder, named, watch)));
    }

    /** Runs the watches at once; attaches to what they find one at a time (the console has one terminal). */
    private void attachEach(List<Watch> watches) throws Exception {
        BlockingQueue<Optional<Next>> found = new LinkedBlockingQueue<>();
        List<CompletableFuture<Integer>> watching = new ArrayList<>();
        for (Watch watch : watches) {
            watching.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return watch.follow().apply(each -> found.add(Optional.of(new Next(watch, each))));
                } finally {
                    found.add(Optional.empty());
                }
            }, threads.blocking()));
        }
        for (int ended = 0; ended < watches.size(); ) {
            Optional<Next> next = found.take();
            if (next.isEmpty()) {
                ended++;
            } else {
                attach(next.get().watch().codeFolder(), next.get().watch().named(), next.get().found());
            }
        }
        for (CompletableFuture<Integer> watch : watching) {
            try {
                watch.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
    }

    private void attach(Path codeFolder, String named, StepEndpointWatch.Found found) throws Exception {
        BridgeTarget target = found.target(codeFolder, console.allowPublic, console.allCode);
        String process = found.endpoint().processName();
        String who = named + (process.isEmpty() ? "" : " " + process);
        say("debugpy: " + target.address() + " (" + who + ", run " + found.runId() + ", pid "
                + found.endpoint().pid() + "); attaching...");
        OptionalInt exitCode;
        try {
            exitCode = ConsoleAttach.debug(target, codeFolder, console.breakpoints, true, console.trace(), threads.blocking());
        } catch (Exception e) {
            if (ConsoleAttach.unreachable(e)) {
                throw GuideAttach.unreachable(target);
            }
            throw e;
        }
        exitCode.ifPresent(code -> say(who + " exit code: " + code));
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }
}

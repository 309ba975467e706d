package dev.amldebug.cli;

import dev.amldebug.azure.WorkspaceClient;
import dev.amldebug.bridge.BridgeTarget;
import dev.amldebug.server.azure.AzureSubmitter;
import dev.amldebug.server.azure.GuideAttach;
import dev.amldebug.server.azure.PipelineJobBody;
import dev.amldebug.server.azure.StepEndpointWatch;
import dev.amldebug.server.threads.ServerThreads;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
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

    private void attachEach(Path codeFolder, String named, Function<Consumer<StepEndpointWatch.Found>, Integer> watch)
            throws Exception {
        BlockingQueue<Optional<StepEndpointWatch.Found>> found = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> watching = CompletableFuture.supplyAsync(() -> {
            try {
                return watch.apply(each -> found.add(Optional.of(each)));
            } finally {
                found.add(Optional.empty());
            }
        }, threads.blocking());
        for (Optional<StepEndpointWatch.Found> next = found.take(); next.isPresent(); next = found.take()) {
            attach(codeFolder, named, next.get());
        }
        try {
            watching.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
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

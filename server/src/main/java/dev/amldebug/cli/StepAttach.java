package dev.amldebug.cli;

import dev.amldebug.azure.WorkspaceClient;
import dev.amldebug.bridge.BridgeTarget;
import dev.amldebug.server.azure.GuideAttach;
import dev.amldebug.server.azure.PipelineJobBody;
import dev.amldebug.server.azure.StepEndpointWatch;
import dev.amldebug.server.threads.ServerThreads;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Attaches the console debugger to a debugged step of a submitted pipeline as soon as its shim listens: the address
 * policy holds, and the step's local code folder maps to the working directory the shim reported.
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
        BlockingQueue<Optional<StepEndpointWatch.Found>> found = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> watch = CompletableFuture.supplyAsync(() -> {
            try {
                return new StepEndpointWatch(workspace, this::say).awaitEach(pipelineJob, step, timeout,
                        each -> found.add(Optional.of(each)));
            } finally {
                found.add(Optional.empty());
            }
        }, threads.blocking());
        for (Optional<StepEndpointWatch.Found> next = found.take(); next.isPresent(); next = found.take()) {
            attach(step, next.get());
        }
        try {
            watch.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private void attach(PipelineJobBody.Step step, StepEndpointWatch.Found found) throws Exception {
        BridgeTarget target = found.target(step, console.allowPublic, console.allCode);
        String process = found.endpoint().processName();
        String named = step.name() + (process.isEmpty() ? "" : " " + process);
        say("debugpy: " + target.address() + " (step " + named + ", run " + found.runId() + ", pid "
                + found.endpoint().pid() + "); attaching...");
        OptionalInt exitCode;
        try {
            exitCode = ConsoleAttach.debug(target, step.codeFolder(), console.breakpoints, true, console.trace(), threads.blocking());
        } catch (Exception e) {
            if (ConsoleAttach.unreachable(e)) {
                throw GuideAttach.unreachable(target);
            }
            throw e;
        }
        exitCode.ifPresent(code -> say("step " + named + " exit code: " + code));
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }
}

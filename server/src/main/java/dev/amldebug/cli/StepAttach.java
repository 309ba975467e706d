package dev.amldebug.cli;

import dev.amldebug.azure.WorkspaceClient;
import dev.amldebug.bridge.BridgeTarget;
import dev.amldebug.server.azure.GuideAttach;
import dev.amldebug.server.azure.PipelineJobBody;
import dev.amldebug.server.azure.StepEndpointWatch;
import dev.amldebug.server.threads.ServerThreads;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

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

    void attach(String pipelineJob, PipelineJobBody.Step step, Duration timeout) throws Exception {
        java.util.Optional<StepEndpointWatch.Found> listening = new StepEndpointWatch(workspace, this::say)
                .await(pipelineJob, step, timeout);
        if (listening.isEmpty()) {
            return;
        }
        StepEndpointWatch.Found found = listening.get();
        BridgeTarget target = found.target(step, console.allowPublic, console.allCode);
        say("debugpy: " + target.address() + " (step " + step.name() + ", run " + found.runId() + ", pid "
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
        exitCode.ifPresent(code -> say("step " + step.name() + " exit code: " + code));
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }
}

package dev.amldebug.cli;

import dev.amldebug.azure.WorkspaceClient;
import dev.amldebug.bridge.target.PathMapping;
import dev.amldebug.bridge.hub.DebugHub;
import dev.amldebug.errors.Sentences;
import dev.amldebug.server.azure.AzureSubmitter;
import dev.amldebug.server.azure.ConnectBack;
import dev.amldebug.server.azure.RemoteStepDebug;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * {@code azure submit JOB.yml --debug --connect-back HOST:PORT}: this machine's debug hub listens, every process of the
 * job dials it through the shim's connect mode (the token travels in the debug snapshot), and the console debugger
 * takes each rank as it joins. The hub closes when the job ends.
 */
final class ConnectBackSubmit {
    private final WorkspaceClient workspace;
    private final ExecutorService executor;
    private final ConsoleDebugOptions console;
    private final PrintWriter out;

    ConnectBackSubmit(WorkspaceClient workspace, ExecutorService executor, ConsoleDebugOptions console, PrintWriter out) {
        this.workspace = workspace;
        this.executor = executor;
        this.console = console;
        this.out = out;
    }

    int submit(AzureSubmitter submitter, Path jobFile, String compute, String experiment, RemoteStepDebug debug,
               ConnectBack back) throws Exception {
        try (DebugHub hub = DebugHub.start(back.bindAddress(), back.port(), executor)) {
            say("Debug hub listening on " + hub.address().getHostString() + ":" + hub.address().getPort()
                    + "; the job's processes dial " + back.address() + ".");
            AzureSubmitter.DebuggedJob job = submitter.submitDebugged(jobFile, compute, experiment,
                    debug.dialingBack(back.withToken(hub.token())));
            say("job: " + job.job().name());
            say("studio: " + workspace.studioUrl(job.job().name()));
            Path code = job.codeFolder();
            // The guide's mapping: a process's working directory is the job's code folder.
            List<PathMapping> mappings = List.of(new PathMapping(code.toString(), "."));
            Future<?> ranks = executor.submit(() -> {
                try {
                    ConsoleAttach.debugRanks(hub, mappings, !console.allCode, code, console.breakpoints, job.processes(),
                            console.trace(), executor);
                } catch (Exception e) {
                    say("aml-debug: the console debugger stopped: " + Sentences.of(e));
                }
                return null;
            });
            int exit = new JobEnd(workspace, out).await(job.job().name());
            hub.close();
            try {
                ranks.get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                // The job has ended; the console has nothing left to show.
            }
            return exit;
        }
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }
}

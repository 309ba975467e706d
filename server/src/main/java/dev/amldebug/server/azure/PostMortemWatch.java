package dev.amldebug.server.azure;

import dev.amldebug.azure.LogSelection;
import dev.amldebug.azure.WorkspaceClient;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Follows a job (or a step's run) submitted with --post-mortem until it ends: each process whose script raised an
 * exception it did not handle prints the shim's AML_DEBUG_POST_MORTEM line and waits; that process, at the address its
 * AML_DEBUG_ENDPOINT line gave earlier, goes to {@code onEach}, to be attached like a step that waits at its start.
 */
public final class PostMortemWatch {
    private final WorkspaceClient workspace;
    private final Consumer<String> progress;

    public PostMortemWatch(WorkspaceClient workspace, Consumer<String> progress) {
        this.workspace = workspace;
        this.progress = progress;
    }

    /** Until the run ends; returns how many processes waited post-mortem. */
    public int follow(String runId, Consumer<StepEndpointWatch.Found> onEach) {
        progress.accept(runId + ": following its logs; a process that fails waits for the debugger (post-mortem).");
        Map<Long, StepEndpoint> endpoints = new ConcurrentHashMap<>();
        Set<Long> failed = ConcurrentHashMap.newKeySet();
        workspace.logs().follow(runId, LogSelection.everything(), true, (source, text) -> {
            StepEndpoint.all(text).forEach(endpoint -> endpoints.put(endpoint.pid(), endpoint));
            for (StepEndpoint.Failure failure : StepEndpoint.failures(text)) {
                StepEndpoint endpoint = endpoints.get(failure.pid());
                if (endpoint != null && failed.add(failure.pid())) {
                    progress.accept(runId + (endpoint.processName().isEmpty() ? "" : " " + endpoint.processName())
                            + " raised " + failure.exception() + " and waits for the debugger.");
                    onEach.accept(new StepEndpointWatch.Found(runId, endpoint, failure));
                }
            }
        }, () -> Thread.currentThread().isInterrupted());
        return failed.size();
    }
}

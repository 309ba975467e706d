package dev.amldebug.server.commands;

import dev.amldebug.azure.LogSelection;
import dev.amldebug.azure.WorkspaceClient;
import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.server.azure.AzureAccess;
import dev.amldebug.server.tree.NodeId;
import dev.amldebug.server.tree.azure.AzureNodeIds;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/** azureml.azure.followLog and stopLog: a cloud job's log streamed to the editor, each stream until its job ends or it is stopped. */
final class AzureLogCommands {
    record StreamArgs(String streamId) {
    }

    private final AzureAccess access;
    private final EditorClient editor;
    private final Executor executor;
    private final Map<String, AtomicBoolean> streams = new ConcurrentHashMap<>();

    AzureLogCommands(AzureAccess access, EditorClient editor, Executor executor) {
        this.access = access;
        this.editor = editor;
        this.executor = executor;
    }

    CommandRegistry registerOn(CommandRegistry registry) {
        return registry.register("azureml.azure.followLog", this::followLog)
                .register("azureml.azure.stopLog", this::stopLog);
    }

    /** Streams the log into azureml/azureLog notifications until the job ends or stopLog. */
    private Object followLog(List<Object> arguments) {
        NodeId node = AzureCommands.node(arguments);
        WorkspaceClient client = access.workspaceClient(AzureNodeIds.workspaceOf(node));
        String job = AzureNodeIds.jobOf(node);
        String file = AzureNodeIds.logFileOf(node);
        String streamId = UUID.randomUUID().toString();
        AtomicBoolean stopped = new AtomicBoolean();
        streams.put(streamId, stopped);
        executor.execute(() -> {
            try {
                client.logs().follow(job, new LogSelection(file, null, false), true,
                        (source, text) -> editor.logLines(streamId, source, text, false), stopped::get);
                editor.logLines(streamId, file, "", true);
            } catch (AmlDebugException e) {
                editor.logLines(streamId, file, "aml-debug: " + e.getMessage() + "\n", true);
            } finally {
                streams.remove(streamId);
            }
        });
        return Map.of("streamId", streamId, "job", job, "file", file);
    }

    private Object stopLog(List<Object> arguments) {
        AtomicBoolean stopped = streams.get(Arguments.first(arguments, StreamArgs.class).streamId());
        if (stopped != null) {
            stopped.set(true);
        }
        return Map.of("stopped", stopped != null);
    }

}

package dev.amldebug.azure.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.errors.AmlDebugException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The Azure ML SDK's {@code from_config()} file: {@code .azureml/config.json}, else {@code config.json},
 * in the folder or the nearest parent that has one. Keys {@code subscription_id}, {@code resource_group},
 * {@code workspace_name}; the SDK's {@code Scope} (an ARM id) is accepted too.
 */
public final class WorkspaceConfig {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WorkspaceConfig() {
    }

    /** A workspace config found, and the file it was read from. */
    public record Found(WorkspaceId id, Path file) {
    }

    public static Optional<WorkspaceId> find(Path folder) {
        return findFile(folder).map(Found::id);
    }

    public static Optional<Found> findFile(Path folder) {
        for (Path dir = folder.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            for (Path candidate : new Path[] {dir.resolve(".azureml").resolve("config.json"), dir.resolve("config.json")}) {
                Optional<WorkspaceId> id = read(candidate);
                if (id.isPresent()) {
                    return Optional.of(new Found(id.get(), candidate));
                }
            }
        }
        return Optional.empty();
    }

    /** A config.json that is not a workspace config (any other tool's) is skipped; a broken one is an error. */
    static Optional<WorkspaceId> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            if (file.getParent().getFileName() != null && file.getParent().getFileName().toString().equals(".azureml")) {
                throw AmlDebugException.badInput(file + " is not valid JSON: fix it, or write it again with `aml-debug azure use <workspace id>`.");
            }
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        String scope = text(root, "Scope", "scope");
        if (scope != null) {
            return Optional.of(WorkspaceId.parse(scope));
        }
        String subscription = text(root, "subscription_id", "subscriptionId");
        String group = text(root, "resource_group", "resourceGroup");
        String workspace = text(root, "workspace_name", "workspaceName");
        if (subscription == null && group == null && workspace == null) {
            return Optional.empty();
        }
        if (subscription == null || group == null || workspace == null) {
            throw AmlDebugException.badInput(file + " needs subscription_id, resource_group and workspace_name:"
                    + " add the missing ones, or write it again with `aml-debug azure use <workspace id>`.");
        }
        return Optional.of(new WorkspaceId(subscription, group, workspace));
    }

    public static Path write(Path folder, WorkspaceId id) {
        Path file = folder.resolve(".azureml").resolve("config.json");
        ObjectNode root = JSON.createObjectNode()
                .put("subscription_id", id.subscriptionId())
                .put("resource_group", id.resourceGroup())
                .put("workspace_name", id.workspaceName());
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw AmlDebugException.environment("Cannot write " + file + ": check that the folder is writable.", e);
        }
        return file;
    }

    private static String text(JsonNode root, String... keys) {
        for (String key : keys) {
            JsonNode value = root.get(key);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                return value.asText().trim();
            }
        }
        return null;
    }
}

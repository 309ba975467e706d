package dev.amldebug.server.tree;

import com.github.dockerjava.api.DockerClient;
import dev.amldebug.runner.docker.DockerUnavailableException;
import dev.amldebug.runner.image.ImageInventory;
import dev.amldebug.runner.image.ImageUsage;
import dev.amldebug.runner.image.ManagedImage;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStore;
import dev.amldebug.server.lsp.Protocol.TreeNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The embedded workspace: Local workspace > Experiments > Runs > Logs and Outputs, with
 * Environments (definitions in the folder, and the base image) and Images beside Experiments.
 * Docker is asked only when the Images node is opened.
 */
public final class LocalWorkspaceProvider implements WorkspaceProvider {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final Path workspace;
    private final RunStore store;
    private final Experiments experiments;
    private final String baseImage;
    private final Supplier<DockerClient> docker;

    public LocalWorkspaceProvider(Path workspace, String baseImage, Supplier<DockerClient> docker) {
        this.workspace = workspace;
        this.store = new RunStore(workspace);
        this.experiments = new Experiments(workspace, store);
        this.baseImage = baseImage;
        this.docker = docker;
    }

    @Override
    public List<TreeNode> children(String nodeId) {
        if (nodeId == null) {
            return List.of(new TreeNode("local", "Local workspace", workspace.getFileName().toString(), "workspace",
                    "azureml.workspace", true, workspace.toUri().toString(), workspace.toString()));
        }
        if (nodeId.equals("local")) {
            return List.of(Nodes.folder("local/experiments", "Experiments", "experiments", null),
                    Nodes.folder("local/environments", "Environments", "environments", null),
                    Nodes.folder("local/images", "Images", "images", null));
        }
        if (nodeId.equals("local/experiments")) {
            return experiments.names().stream()
                    .map(name -> Nodes.folder("experiment/" + name, name, "experiment", null)).toList();
        }
        if (nodeId.equals("local/environments")) {
            return environments();
        }
        if (nodeId.equals("local/images")) {
            return images();
        }
        if (nodeId.startsWith("experiment/")) {
            return experiments.runs(nodeId.substring("experiment/".length())).stream().map(LocalWorkspaceProvider::run).toList();
        }
        if (nodeId.startsWith("run/")) {
            return runChildren(nodeId.substring("run/".length()));
        }
        throw new IllegalArgumentException("No tree node '" + nodeId + "'. Refresh the tree.");
    }

    static TreeNode run(RunRecord run) {
        String started = run.startedAt == null ? "not started" : TIME.format(run.startedAt);
        String description = run.status + " · " + started + (run.startedAt == null ? "" : " · " + duration(run));
        return new TreeNode("run/" + run.id, run.id, description, "run",
                "azureml.run." + run.status.name().toLowerCase(), true, null,
                run.displayName == null ? run.id : run.displayName + " (" + run.id + ")");
    }

    private static String duration(RunRecord run) {
        Duration took = Duration.between(run.startedAt, run.endedAt == null ? Instant.now() : run.endedAt);
        return took.toMinutes() + "m " + took.toSecondsPart() + "s";
    }

    private List<TreeNode> runChildren(String path) {
        int slash = path.indexOf('/');
        String runId = slash < 0 ? path : path.substring(0, slash);
        store.read(runId);
        if (slash < 0) {
            TreeNode outputs = Nodes.folder("run/" + runId + "/outputs", "Outputs", "outputs", null);
            return List.of(Nodes.folder("run/" + runId + "/logs", "Logs", "logs", null),
                    new TreeNode(outputs.id(), outputs.label(), null, outputs.kind(), outputs.contextValue(), true,
                            store.outputs(runId).toUri().toString(), store.outputs(runId).toString()));
        }
        String rest = path.substring(slash + 1);
        if (rest.equals("logs")) {
            return List.of(Nodes.file("run/" + runId + "/logs/" + RunStore.CONTROL_LOG, store.controlLog(runId), "log"),
                    Nodes.file("run/" + runId + "/logs/" + RunStore.DRIVER_LOG, store.driverLog(runId), "log"));
        }
        if (rest.equals("outputs") || rest.startsWith("outputs/")) {
            return outputs(runId, rest);
        }
        throw new IllegalArgumentException("No tree node 'run/" + path + "'. Refresh the tree.");
    }

    private List<TreeNode> outputs(String runId, String rest) {
        Path root = store.outputs(runId);
        Path dir = root.resolve(rest.substring("outputs".length()).replaceFirst("^/", "")).normalize();
        if (!dir.startsWith(root) || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().map(entry -> {
                String id = "run/" + runId + "/outputs/" + root.relativize(entry).toString().replace('\\', '/');
                return Files.isDirectory(entry) ? Nodes.folder(id, entry.getFileName().toString(), "outputFolder", null)
                        : Nodes.file(id, entry, "output");
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private List<TreeNode> environments() {
        List<TreeNode> nodes = new ArrayList<>();
        for (Path file : EnvironmentFiles.find(workspace)) {
            nodes.add(Nodes.file("env/" + workspace.relativize(file).toString().replace('\\', '/'), file, "environment"));
        }
        nodes.add(new TreeNode("base/" + baseImage, baseImage, "default base image", "baseImage", "azureml.baseImage",
                false, null, "Runs that name no environment use this image."));
        return nodes;
    }

    private List<TreeNode> images() {
        try {
            return new ImageInventory(docker.get(), ImageUsage.inUserCache()).list().stream()
                    .map(LocalWorkspaceProvider::image).toList();
        } catch (DockerUnavailableException e) {
            return List.of(Nodes.message("local/images/docker", e.getMessage()));
        }
    }

    private static TreeNode image(ManagedImage image) {
        String description = String.format("%.0f MB · used %s%s", image.sizeBytes() / 1e6, TIME.format(image.lastUsed()),
                image.inUse() ? " · in use" : "");
        return new TreeNode("image/" + image.tag(), image.tag(), description, "image", "azureml.image", false, null,
                image.environment());
    }

    public RunStore store() {
        return store;
    }

    public Experiments experiments() {
        return experiments;
    }
}

package dev.amldebug.server.tree.local;

import com.github.dockerjava.api.DockerClient;
import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.docker.DockerUnavailableException;
import dev.amldebug.runner.image.ImageInventory;
import dev.amldebug.runner.image.ImageUsage;
import dev.amldebug.runner.image.ManagedImage;
import dev.amldebug.runner.run.RunStore;
import dev.amldebug.server.tree.Children;
import dev.amldebug.server.tree.Node;
import dev.amldebug.server.tree.NodeId;
import dev.amldebug.server.tree.TreeProvider;
import dev.amldebug.server.tree.TreeRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The embedded workspace: Local workspace > Experiments > runs > Logs and Outputs, with
 * Environments (definitions in the folder, and the base image) and Images beside Experiments.
 * Docker is asked only when the Images node is opened.
 */
public final class LocalTreeProvider implements TreeProvider {
    public static final String NAME = "local";
    public static final NodeId ROOT = NodeId.root(NAME);
    public static final NodeId EXPERIMENTS = ROOT.child("experiments");
    public static final NodeId ENVIRONMENTS = ROOT.child("environments");
    public static final NodeId IMAGES = ROOT.child("images");
    public static final NodeId DEPLOYMENTS = ROOT.child("deployments");

    private final Path workspace;
    private final Experiments experiments;
    private final RunNodes runs;
    private final String baseImage;
    private final Supplier<DockerClient> docker;
    private final Map<String, Function<NodeId, List<Node>>> sections;

    public LocalTreeProvider(RunStore store, Experiments experiments, String baseImage, Supplier<DockerClient> docker) {
        this.workspace = store.workspace();
        this.experiments = experiments;
        this.runs = new RunNodes(store, ROOT.child("runs"));
        this.baseImage = baseImage;
        this.docker = docker;
        this.sections = Map.of("", id -> sections(), "experiments", this::experiments, "runs", runs::children,
                "environments", id -> environments(), "images", id -> images(), "deployments", id -> runs.deployments());
    }

    public static NodeId experiment(String name) {
        return EXPERIMENTS.child(name);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Node root() {
        return Node.folder(ROOT, "Local workspace", "workspace").withDescription(workspace.getFileName().toString())
                .withResource(workspace.toUri(), workspace.toString());
    }

    @Override
    public Children children(NodeId id, TreeRequest request) {
        Function<NodeId, List<Node>> section = sections.get(id.segment(0));
        if (section == null) {
            throw AmlDebugException.notFound("No tree node '" + id + "'. Refresh the tree.");
        }
        return Children.all(section.apply(id));
    }

    private List<Node> sections() {
        return List.of(Node.folder(EXPERIMENTS, "Experiments", "experiments"),
                Node.folder(DEPLOYMENTS, "Deployments", "deployments"),
                Node.folder(ENVIRONMENTS, "Environments", "environments"), Node.folder(IMAGES, "Images", "images"));
    }

    private List<Node> experiments(NodeId id) {
        if (id.segments().size() == 1) {
            List<Node> nodes = new ArrayList<>(experiments.names().stream()
                    .map(name -> Node.folder(experiment(name), name, "experiment")).toList());
            runs.broken().forEach(nodes::add);
            return nodes;
        }
        return experiments.runs(id.rest(1)).stream().map(runs::run).toList();
    }

    private List<Node> environments() {
        List<Node> nodes = new ArrayList<>();
        for (Path file : EnvironmentFiles.find(workspace)) {
            String relative = workspace.relativize(file).toString().replace('\\', '/');
            nodes.add(RunNodes.file(ENVIRONMENTS.child(relative), file, "environment"));
        }
        nodes.add(new Node(ROOT.child("base-image"), baseImage, "default base image", "baseImage", null, false, null,
                "Runs that name no environment use this image.", null, null));
        return nodes;
    }

    private List<Node> images() {
        try {
            return new ImageInventory(docker.get(), ImageUsage.inUserCache()).list().stream().map(this::image).toList();
        } catch (DockerUnavailableException e) {
            return List.of(Node.message(IMAGES.child("docker"), e.getMessage()));
        }
    }

    private Node image(ManagedImage image) {
        String description = String.format("%.0f MB · used %s%s", image.sizeBytes() / 1e6,
                RunNodes.TIME.format(image.lastUsed()), image.inUse() ? " · in use" : "");
        return new Node(IMAGES.child(image.tag()), image.tag(), description, "image", null, false, null,
                image.environment(), null, null);
    }
}

package dev.amldebug.server.tree.local;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.run.DeploymentPart;
import dev.amldebug.runner.run.RunKind;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStore;
import dev.amldebug.server.tree.Node;
import dev.amldebug.server.tree.NodeId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

/**
 * A run and what hangs under it: runs/ID > Logs (the two log files) and Outputs (files and folders); a pipeline
 * run has runs/ID > Steps > a node per step (runs/STEP_RUN_ID, with its own Logs and Outputs) and Logs; a distributed
 * run has Ranks ({@link RankNodes}) before its Logs and Outputs.
 */
final class RunNodes {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final RunStore store;
    private final NodeId base;
    private final RankNodes ranks;

    RunNodes(RunStore store, NodeId base) {
        this.store = store;
        this.base = base;
        this.ranks = new RankNodes(store, base);
    }

    Node run(RunRecord run) {
        String started = run.startedAt == null ? "not started" : TIME.format(run.startedAt);
        String description = run.status + " · " + started + (run.startedAt == null ? "" : " · " + duration(run))
                + (run.postMortem != null && run.isActive() ? " · failed, waits for a debugger" : "");
        return new Node(base.child(run.id), run.id, description, run.kind == RunKind.pipeline ? "pipelineRun" : "run",
                run.status.name().toLowerCase(), true, null,
                (run.displayName == null ? run.id : run.displayName + " (" + run.id + ")")
                        + (run.postMortem == null ? "" : "\npost-mortem: " + run.postMortem), run.id, null);
    }

    /** A pipeline's steps in dependency order: status, and "reused" when a step took an earlier run's outputs. */
    private List<Node> steps(RunRecord pipeline) {
        return pipeline.pipeline().steps().entrySet().stream().map(step -> {
            RunRecord run = store.read(step.getValue());
            String reusedFrom = run.step().reusedFrom();
            String description = run.status + (reusedFrom == null ? "" : " · reused");
            String tooltip = run.id + (reusedFrom == null ? "" : "\nreused the outputs of " + reusedFrom)
                    + (run.error == null ? "" : "\n" + run.error);
            return new Node(base.child(run.id), step.getKey(), description, "pipelineStep",
                    run.status.name().toLowerCase(), true, null, tooltip, run.id, null);
        }).toList();
    }

    /** Local deployments, newest first: health and scoring URL at a glance; logs beneath, as for runs. */
    List<Node> deployments() {
        return store.list().stream().filter(r -> r.kind == RunKind.deployment).map(this::deployment).toList();
    }

    private Node deployment(RunRecord r) {
        DeploymentPart deployment = r.deployment();
        String scoringUri = deployment.scoringUri();
        return new Node(base.child(r.id), r.displayName == null ? r.id : r.displayName, deployment.health()
                + (r.isActive() && scoringUri != null ? " · " + scoringUri : " · " + r.status), "deployment",
                String.valueOf(deployment.health()).toLowerCase(), true, null,
                r.id + (scoringUri == null ? "" : "\n" + scoringUri), r.id, null);
    }

    /** Runs whose run.json cannot be read: shown, with the file to open, so that nothing hides them. */
    List<Node> broken() {
        return store.broken().stream().map(e -> new Node(base.child(e.runId()), e.runId(), "broken: run.json cannot"
                + " be read", "brokenRun", null, false, e.file().toUri(), e.getMessage(), e.runId(), null)).toList();
    }

    /** Children of runs/ID, runs/ID/logs, runs/ID/ranks[/N] and runs/ID/outputs[/path]. */
    List<Node> children(NodeId id) {
        String runId = id.segment(1);
        RunRecord record = store.read(runId);
        NodeId run = base.child(runId);
        String section = id.segment(2);
        Node logs = Node.folder(run.child("logs"), "Logs", "logs").withRunId(runId);
        if (section.isEmpty() && record.kind == RunKind.pipeline) {
            return List.of(Node.folder(run.child("steps"), "Steps", "steps").withRunId(runId), logs);
        }
        if (section.isEmpty()) {
            Path outputs = store.outputsOf(record);
            Node outputsNode = Node.folder(run.child("outputs"), "Outputs", "outputs").withRunId(runId)
                    .withResource(outputs.toUri(), outputs.toString());
            return record.kind == RunKind.distributed ? List.of(ranks.folder(record), logs, outputsNode)
                    : List.of(logs, outputsNode);
        }
        if (section.equals("ranks") && record.kind == RunKind.distributed) {
            return ranks.children(record, id.segment(3));
        }
        if (section.equals("steps") && !record.pipeline().steps().isEmpty()) {
            return steps(record);
        }
        if (section.equals("logs")) {
            return List.of(file(run.child("logs", RunStore.CONTROL_LOG), store.controlLog(runId), "log").withRunId(runId),
                    file(run.child("logs", RunStore.DRIVER_LOG), store.driverLog(runId), "log").withRunId(runId));
        }
        if (section.equals("outputs")) {
            return outputs(record, id.rest(3));
        }
        throw AmlDebugException.notFound("No tree node '" + id + "'. Refresh the tree.");
    }

    /** Never outside the outputs folder: a symlink a run wrote is shown as a link, and never followed. */
    private List<Node> outputs(RunRecord record, String relative) {
        String runId = record.id;
        Path root = store.outputsOf(record);
        Path dir = root.resolve(relative).normalize();
        if (!dir.startsWith(root) || !isInside(root, dir) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        NodeId outputs = base.child(runId, "outputs");
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().map(entry -> output(outputs.child(root.relativize(entry).toString().replace('\\', '/')),
                    entry).withRunId(runId)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static Node output(NodeId id, Path entry) {
        String name = entry.getFileName().toString();
        if (Files.isSymbolicLink(entry)) {
            String target = linkTarget(entry);
            return new Node(id, name, "→ " + target, "outputLink", null, false, null,
                    "A link the run wrote, to " + target + "; not followed.", null, null);
        }
        return Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) ? Node.folder(id, name, "outputFolder")
                : file(id, entry, "output");
    }

    /** Every folder on the way from the outputs folder to {@code dir} is a real folder, not a link. */
    private static boolean isInside(Path root, Path dir) {
        for (Path at = dir; at != null && !at.equals(root); at = at.getParent()) {
            if (Files.isSymbolicLink(at)) {
                return false;
            }
        }
        return true;
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "an unreadable target";
        }
    }

    static Node file(NodeId id, Path file, String kind) {
        return new Node(id, file.getFileName().toString(), null, kind, null, false, file.toUri(), file.toString(), null,
                null);
    }

    private static String duration(RunRecord run) {
        Duration took = Duration.between(run.startedAt, run.endedAt == null ? Instant.now() : run.endedAt);
        return took.toMinutes() + "m " + took.toSecondsPart() + "s";
    }
}

package dev.amldebug.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import dev.amldebug.bridge.AddressPolicy;
import dev.amldebug.bridge.BridgeTarget;
import dev.amldebug.bridge.TargetResolver;
import dev.amldebug.bridge.protocol.DapMessage;
import dev.amldebug.runner.debug.DebugOptions;
import dev.amldebug.runner.image.ImageUsage;
import dev.amldebug.runner.run.LocalRun;
import dev.amldebug.runner.run.LocalRunner;
import dev.amldebug.runner.run.RunListener;
import dev.amldebug.runner.run.RunStore;
import dev.amldebug.runner.run.StartOptions;
import dev.amldebug.runner.spec.RunSpec;
import dev.amldebug.runner.spec.RunSpecLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * The targets of the {@code azureml} debug type: {@code launch} starts a debug run of a job or
 * script; {@code attach} joins a run by {@code runId}, or any debugpy by {@code host}/{@code port}.
 */
public final class DapTargets implements TargetResolver {
    private final Supplier<DockerClient> docker;
    private final Path defaultWorkspace;
    private final String baseImage;
    private final RunListener listener;

    public DapTargets(Supplier<DockerClient> docker, Path defaultWorkspace, String baseImage, RunListener listener) {
        this.docker = docker;
        this.defaultWorkspace = defaultWorkspace;
        this.baseImage = baseImage;
        this.listener = listener;
    }

    @Override
    public BridgeTarget resolve(DapMessage request) throws InterruptedException {
        JsonNode args = request.get("arguments");
        Path workspace = args.hasNonNull("workspace") ? Path.of(args.get("workspace").asText()) : defaultWorkspace;
        boolean justMyCode = args.path("justMyCode").asBoolean(true);
        if (request.isRequest("launch")) {
            return launch(args, workspace, justMyCode);
        }
        if (args.hasNonNull("runId")) {
            return new RunTargets(docker.get(), new RunStore(workspace)).forRun(args.get("runId").asText(), justMyCode);
        }
        String host = args.path("connect").path("host").asText(args.path("host").asText(""));
        int port = args.path("connect").path("port").asInt(args.path("port").asInt(0));
        if (host.isEmpty() || port <= 0) {
            throw new IllegalArgumentException("An azureml attach needs \"runId\", or \"host\" and \"port\" of a debugpy.");
        }
        AddressPolicy.check(host, args.path("allowPublic").asBoolean(false));
        return new BridgeTarget(host, port, List.of(), justMyCode, Duration.ofSeconds(30), OptionalInt::empty, () -> { });
    }

    private BridgeTarget launch(JsonNode args, Path workspace, boolean justMyCode) throws InterruptedException {
        String file = args.path("job").asText(args.path("script").asText(""));
        if (file.isEmpty()) {
            throw new IllegalArgumentException("An azureml launch needs \"job\" (a job YAML or .runconfig) or \"script\".");
        }
        List<String> scriptArgs = new ArrayList<>();
        args.path("args").forEach(arg -> scriptArgs.add(arg.asText()));
        RunSpec spec = new RunSpecLoader(baseImage).load(workspace.resolve(file), null, scriptArgs);
        if (args.hasNonNull("experiment")) {
            spec = spec.withExperimentName(args.get("experiment").asText());
        }
        LocalRunner runner = new LocalRunner(docker.get(), workspace, ImageUsage.inUserCache());
        String runId = runner.queue(spec);
        DebugOptions debug = new DebugOptions(args.path("waitTimeout").asInt(300), false, false);
        LocalRun run = runner.start(runId, spec, StartOptions.debug(debug), listener);
        Thread follower = new Thread(() -> {
            try {
                run.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "run-" + runId);
        follower.setDaemon(true);
        follower.start();
        return new RunTargets(docker.get(), runner.store()).forRun(runId, justMyCode);
    }
}

package dev.amldebug.server.debug;

import com.fasterxml.jackson.databind.JsonNode;
import dev.amldebug.bridge.target.AddressPolicy;
import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.bridge.TargetResolver;
import dev.amldebug.bridge.hub.HubChild;
import dev.amldebug.bridge.protocol.DapMessage;
import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.debug.DebugOptions;
import dev.amldebug.runner.run.RunListener;
import dev.amldebug.server.run.FileArguments;
import dev.amldebug.server.run.RunRequest;
import dev.amldebug.server.run.RunService;
import dev.amldebug.server.run.RunServices;
import dev.amldebug.runner.run.SubmittedRun;
import dev.amldebug.server.run.deployment.DeploymentRequest;
import dev.amldebug.server.run.pipeline.PipelineRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.LinkedHashSet;

/**
 * The targets of the {@code azureml} debug type: {@code launch} starts a debug run of a job or
 * script, a pipeline with one {@code step} under the debugger, or a {@code deployment}; {@code attach} joins a run by {@code runId}, or any debugpy by {@code host}/{@code port}.
 * The keys each form consumes travel with the target, so that debugpy never sees them.
 */
public final class DapTargets implements TargetResolver {
    /** Stop-the-world for a distributed run's ranks: on unless a launch or attach says false. */
    static final String STOP_ALL_RANKS = "stopAllRanks";
    static final Set<String> LAUNCH_KEYS = Set.of("job", "script", "args", "experiment", "waitTimeout", "workspace",
            "debugRanks", "step", "deployment", STOP_ALL_RANKS);
    static final Set<String> ATTACH_KEYS = Set.of("runId", "workspace", "allowPublic", STOP_ALL_RANKS);

    private final RunServices services;
    private final Path defaultWorkspace;
    private final RunListener listener;

    public DapTargets(RunServices services, Path defaultWorkspace, RunListener listener) {
        this.services = services;
        this.defaultWorkspace = defaultWorkspace;
        this.listener = listener;
    }

    @Override
    public BridgeTarget resolve(DapMessage request) throws InterruptedException {
        JsonNode args = request.get("arguments");
        if (request.isRequest("attach") && HubChild.names(args)) {
            return HubChild.target(args);
        }
        RunService runs = services.forWorkspace(args.hasNonNull("workspace")
                ? FileArguments.path(defaultWorkspace, args.get("workspace").asText()) : defaultWorkspace);
        boolean justMyCode = args.path("justMyCode").asBoolean(true);
        if (request.isRequest("launch")) {
            return launch(args, runs, justMyCode).withOwnKeys(LAUNCH_KEYS);
        }
        if (args.hasNonNull("runId")) {
            BridgeTarget target = runs.debugTarget(args.get("runId").asText(), justMyCode).withOwnKeys(ATTACH_KEYS);
            stopAllRanks(args, runs, args.get("runId").asText());
            return target;
        }
        String host = args.path("connect").path("host").asText(args.path("host").asText(""));
        int port = args.path("connect").path("port").asInt(args.path("port").asInt(0));
        if (host.isEmpty() || !args.path("connect").path("port").isInt() && !args.path("port").isInt()) {
            throw AmlDebugException.badInput("An azureml attach needs \"runId\", or \"host\" and \"port\" of a debugpy.");
        }
        AddressPolicy.checkPort(port);
        AddressPolicy.check(host, args.path("allowPublic").asBoolean(false));
        return BridgeTarget.of(host, port, List.of()).withJustMyCode(justMyCode).withOwnKeys(ATTACH_KEYS);
    }

    /** "waitTimeout": whole seconds, 0 or more; anything else is refused rather than read as 0. */
    static Integer waitTimeout(JsonNode args) {
        if (!args.hasNonNull("waitTimeout")) {
            return null;
        }
        JsonNode wait = args.get("waitTimeout");
        if (!wait.canConvertToInt() || !wait.isIntegralNumber() || wait.asInt() < 0) {
            throw AmlDebugException.badInput("\"waitTimeout\" takes whole seconds, 0 or more (300 by default); found "
                    + wait + ".");
        }
        return wait.asInt();
    }

    private BridgeTarget launch(JsonNode args, RunService runs, boolean justMyCode) throws InterruptedException {
        if (args.hasNonNull("deployment")) {
            return deployment(FileArguments.path(runs.workspace(), args.get("deployment").asText()), runs, justMyCode);
        }
        String file = args.path("job").asText(args.path("script").asText(""));
        if (file.isEmpty()) {
            throw AmlDebugException.badInput("An azureml launch needs \"job\" (a job or pipeline YAML, or a .runconfig),"
                    + " \"script\" or \"deployment\".");
        }
        Integer wait = waitTimeout(args);
        String experiment = args.hasNonNull("experiment") ? args.get("experiment").asText() : null;
        Path source = FileArguments.path(runs.workspace(), file);
        if (PipelineRequest.isPipeline(source)) {
            String step = args.hasNonNull("step") ? args.get("step").asText() : null;
            return new PipelineLaunch(runs, listener).launch(source, step, experiment, wait, justMyCode);
        }
        List<String> scriptArgs = new ArrayList<>();
        args.path("args").forEach(arg -> scriptArgs.add(arg.asText()));
        RunRequest request = RunRequest.of(source).withArguments(scriptArgs).withExperiment(experiment)
                .withDebug(DebugOptions.waitingUpTo(wait));
        if (args.path("debugRanks").isArray()) {
            Set<Integer> ranks = new LinkedHashSet<>();
            args.get("debugRanks").forEach(rank -> ranks.add(rank.asInt()));
            request = request.withDebugRanks(ranks);
        }
        SubmittedRun run = runs.submit(request, listener);
        run.awaitStarted();
        stopAllRanks(args, runs, run.id());
        return runs.debugTarget(run.id(), justMyCode);
    }

    private static void stopAllRanks(JsonNode args, RunService runs, String runId) {
        if (args.has(STOP_ALL_RANKS)) {
            if (!args.get(STOP_ALL_RANKS).isBoolean()) {
                throw AmlDebugException.badInput("\"" + STOP_ALL_RANKS + "\" takes true or false (true by default for a"
                        + " distributed run); found " + args.get(STOP_ALL_RANKS) + ".");
            }
            runs.debugHub(runId).ifPresent(hub -> hub.stopAllRanks(args.get(STOP_ALL_RANKS).asBoolean()));
        }
    }

    /**
     * A deployment YAML served locally (on 127.0.0.1:8000, or a free port if taken): its scoring script waits for this
     * session before init(), so breakpoints in init() and run() both hold.
     */
    private BridgeTarget deployment(Path yaml, RunService runs, boolean justMyCode) throws InterruptedException {
        if (!Files.isRegularFile(yaml)) {
            throw AmlDebugException.badInput("\"deployment\" names " + yaml + ", which is not a file: give the path of a"
                    + " deployment YAML (its model and code_configuration).");
        }
        SubmittedRun run = runs.deploy(new DeploymentRequest(yaml, null, null, null, null, null, DebugOptions.defaults(),
                false), listener);
        run.awaitStarted();
        return runs.debugTarget(run.id(), justMyCode);
    }
}

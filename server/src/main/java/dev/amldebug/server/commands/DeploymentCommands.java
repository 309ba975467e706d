package dev.amldebug.server.commands;

import com.google.gson.annotations.SerializedName;
import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.debug.DebugOptions;
import dev.amldebug.server.run.deployment.DeploymentRequest;
import dev.amldebug.server.run.FileArguments;
import dev.amldebug.server.run.RunService;
import dev.amldebug.server.run.deployment.ScoringRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** azureml.debugDeployment and azureml.scoreDeployment: a deployment under the debugger, and requests to it. */
final class DeploymentCommands {
    /** Arguments of azureml.debugDeployment: a deployment YAML, or a scoring script with a model. */
    record Debug(String deployment, String score, String environment, String image, String model,
                 @SerializedName("wait") Boolean waitForDebugger, Integer port, Boolean postMortem, Integer postMortemTimeout) {
    }

    /** Arguments of azureml.scoreDeployment: the body as text, or a file that holds it. */
    record Score(String runId, String body, String file, Map<String, String> headers) {
    }

    private final RunService runs;
    private final EditorClient editor;

    DeploymentCommands(RunService runs, EditorClient editor) {
        this.runs = runs;
        this.editor = editor;
    }

    Object debug(List<Object> arguments) {
        Debug args = Arguments.first(arguments, Debug.class);
        Path workspace = runs.workspace();
        DebugOptions debug = DebugOptions.addingPostMortem(Boolean.TRUE.equals(args.waitForDebugger())
                ? DebugOptions.defaults() : new DebugOptions(0, false, true), Boolean.TRUE.equals(args.postMortem()),
                args.postMortemTimeout());
        DeploymentRequest request = new DeploymentRequest(path(workspace, args.deployment()), path(workspace, args.score()),
                path(workspace, args.environment()), args.image(), args.model(), args.port(), debug, false);
        return Map.of("runId", runs.deploy(request, new DebugReady(editor)).id());
    }

    Object score(List<Object> arguments) throws Exception {
        Score args = Arguments.first(arguments, Score.class);
        if (args.runId() == null || (args.body() == null) == (args.file() == null)) {
            throw AmlDebugException.badInput("scoreDeployment needs runId, and body or file (one of them).");
        }
        List<String> headers = args.headers() == null ? List.of()
                : args.headers().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        ScoringRequest.Response response = ScoringRequest.send(runs.store().read(args.runId()),
                path(runs.workspace(), args.file()), args.body(), headers);
        return Map.of("status", response.status(), "headers", response.headers(), "body", response.body(),
                "millis", response.millis());
    }

    private static Path path(Path workspace, String value) {
        return value == null ? null : FileArguments.path(workspace, value);
    }

}

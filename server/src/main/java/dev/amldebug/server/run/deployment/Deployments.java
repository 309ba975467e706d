package dev.amldebug.server.run.deployment;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.deploy.DeploymentSpec;
import dev.amldebug.runner.deploy.RequestSettings;
import dev.amldebug.runner.deploy.DeploymentYamlParser;
import dev.amldebug.runner.deploy.ModelRef;
import dev.amldebug.runner.spec.EnvironmentParser;
import dev.amldebug.runner.spec.EnvironmentSpec;
import dev.amldebug.runner.spec.ExperimentNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A {@link DeploymentRequest} read into a {@link DeploymentSpec}: from its YAML, or from its flags. */
final class Deployments {
    private Deployments() {
    }

    static DeploymentSpec spec(DeploymentRequest request, Path workspace, String baseImage) {
        if (request.deployment() != null) {
            return new DeploymentYamlParser().parse(workspace.resolve(request.deployment()));
        }
        if (request.score() == null || request.model() == null) {
            throw AmlDebugException.badInput("A deployment needs a deployment YAML, or a scoring script and a model"
                    + " (--score score.py --model PATH[:NAME:VERSION]).");
        }
        Path score = workspace.resolve(request.score()).normalize();
        if (!Files.isRegularFile(score)) {
            throw AmlDebugException.badInput("The scoring script " + score + " does not exist.");
        }
        EnvironmentSpec environment = request.environment() != null
                ? new EnvironmentParser().parseFile(workspace.resolve(request.environment()))
                : EnvironmentSpec.ofImage(request.image() != null ? request.image() : baseImage);
        return new DeploymentSpec(score, ExperimentNames.fromFolder(score.getParent().getFileName().toString()),
                score.getParent(), score.getFileName().toString(), environment,
                ModelRef.parse(request.model(), workspace), Map.of(), RequestSettings.DEFAULTS, List.of());
    }
}

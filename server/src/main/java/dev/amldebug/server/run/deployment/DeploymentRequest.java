package dev.amldebug.server.run.deployment;

import dev.amldebug.runner.debug.DebugOptions;
import java.nio.file.Path;

/**
 * A local deployment as callers ask for it: a managed online deployment YAML, or a scoring
 * script with an environment and a model. Relative paths are relative to the workspace.
 *
 * @param deployment  a deployment YAML, or null when {@code score} is given
 * @param environment an environment YAML, or null for {@code image} (or the default base image)
 * @param model       {@code PATH[:NAME:VERSION]}; null with a YAML, which names its own
 * @param port        the host port to publish scoring on, or null for 8000 (or a free one when taken)
 * @param debug       run the server under the debug shim; {@code waitTimeoutSeconds} 0 with noWait for no wait
 */
public record DeploymentRequest(Path deployment, Path score, Path environment, String image, String model, Integer port,
                                DebugOptions debug, boolean detach) {
}

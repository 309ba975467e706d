package dev.amldebug.server.commands;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.docker.DockerConnection;
import java.io.IOException;
import java.util.Map;

/**
 * azureml.checkDocker: whether the Docker engine answers now (a fresh connection each time, so an engine started since
 * the last check counts), with its version; else the sentence that says how to start it.
 */
final class DockerCheck {
    private DockerCheck() {
    }

    static Map<String, Object> run() {
        try (DockerClient client = DockerConnection.open()) {
            Version version = client.versionCmd().exec();
            return Map.of("version", String.valueOf(version.getVersion()), "apiVersion", String.valueOf(version.getApiVersion()));
        } catch (IOException e) {
            throw AmlDebugException.environment("Could not close the connection to Docker: " + e.getMessage(), e);
        }
    }
}

package dev.amldebug.server.launch;

import dev.amldebug.errors.AmlDebugException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.bridge.target.AddressPolicy;

/** The attach configurations that azureml.addLaunchConfiguration writes, one per kind. */
public final class LaunchConfigurations {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The Python Debugger extension's type: attach straight to debugpy (the legacy "python" type is on its way out). */
    private static final String DEBUGPY = "debugpy";

    /** Arguments of azureml.addLaunchConfiguration. */
    public record Request(String kind, String host, Integer port, String localRoot, String remoteRoot, String runId,
                          Boolean allowPublic) {
    }

    private LaunchConfigurations() {
    }

    public static ObjectNode of(Request request) {
        String kind = request.kind() == null ? "" : request.kind();
        return switch (kind) {
            case "remote" -> remote(request);
            case "deployment" -> deployment(request);
            case "run" -> run(request);
            default -> throw AmlDebugException.badInput("kind must be remote, deployment or run; found '" + kind + "'");
        };
    }

    /** A pipeline step on a compute node: the Azure ML guide's attach, with the address found for you. */
    private static ObjectNode remote(Request request) {
        if (request.host() == null || request.port() == null) {
            throw AmlDebugException.badInput("A remote attach configuration needs host and port (the step logs"
                    + " 'ip_address: ...'; the port is the one it listens on, 5678 by default).");
        }
        AddressPolicy.check(request.host(), Boolean.TRUE.equals(request.allowPublic()));
        ObjectNode config = base("Azure ML: remote attach " + request.host() + ":" + request.port(), DEBUGPY);
        config.putObject("connect").put("host", request.host()).put("port", request.port());
        config.put("redirectOutput", true);
        config.putArray("pathMappings").addObject()
                .put("localRoot", orDefault(request.localRoot(), "${workspaceFolder}"))
                .put("remoteRoot", orDefault(request.remoteRoot(), "."));
        return config;
    }

    /** A local inference container: score.py under /var/azureml-app, debugpy on 5678. */
    private static ObjectNode deployment(Request request) {
        ObjectNode config = base("Azure ML: deployment container", DEBUGPY);
        config.putObject("connect").put("host", orDefault(request.host(), "localhost"))
                .put("port", request.port() == null ? 5678 : request.port());
        config.putArray("pathMappings").addObject()
                .put("localRoot", orDefault(request.localRoot(), "${workspaceFolder}"))
                .put("remoteRoot", orDefault(request.remoteRoot(), "/var/azureml-app"));
        return config;
    }

    private static ObjectNode run(Request request) {
        if (request.runId() == null) {
            throw AmlDebugException.badInput("A run attach configuration needs runId.");
        }
        return base("Azure ML: attach to run " + request.runId(), "azureml").put("runId", request.runId());
    }

    private static ObjectNode base(String name, String type) {
        ObjectNode config = JSON.createObjectNode();
        config.put("name", name).put("type", type).put("request", "attach");
        return config;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}

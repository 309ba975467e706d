package dev.amldebug.runner.run;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Ports;
import java.util.Map;
import com.github.dockerjava.api.model.ExposedPort;

/** Where the published debug port of a started container landed on the host. */
final class DebugEndpoint {
    private DebugEndpoint() {
    }

    /** "127.0.0.1:PORT"; a container that exited meanwhile is reported as such ({@link StartupCheck}). */
    static String of(DockerClient docker, RunStore store, String runId, String containerId) {
        return published(new StartupCheck(docker, store).running(runId, containerId), ContainerRequest.DEBUG_PORT,
                containerId);
    }

    /** "127.0.0.1:PORT" of a container that runs; null once it exited (a script that ended at once). */
    static String ifRunning(DockerClient docker, String containerId) {
        InspectContainerResponse inspected = docker.inspectContainerCmd(containerId).exec();
        return Boolean.TRUE.equals(inspected.getState().getRunning())
                ? published(inspected, ContainerRequest.DORMANT_PORT, containerId) : null;
    }

    private static String published(InspectContainerResponse inspected, ExposedPort port, String containerId) {
        Map<ExposedPort, Ports.Binding[]> bindings = inspected.getNetworkSettings().getPorts().getBindings();
        Ports.Binding[] debug = bindings.get(port);
        if (debug == null || debug.length == 0) {
            throw new IllegalStateException("Docker published no port for the debugger of container " + containerId);
        }
        return debug[0].getHostIp() + ":" + debug[0].getHostPortSpec();
    }
}

package dev.amldebug.runner.run;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import dev.amldebug.runner.docker.ExtraLabels;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A debug run's own network. debugpy listens on the container's address; on a shared network
 * every other container could connect to it and run code in the script. Alone on its network,
 * the container is reached only through the port Docker publishes on 127.0.0.1. A distributed run's nodes share a
 * network of their own, where they reach each other by name ({@code node-0}, ...).
 */
public final class RunNetworks {
    private final DockerClient docker;

    public RunNetworks(DockerClient docker) {
        this.docker = docker;
    }

    public static String name(String runId) {
        return ContainerLabels.containerName(runId);
    }

    /** Creates the run's network, with containers on it unable to talk to each other either. */
    public String create(String runId, Path workspace) {
        return create(runId, workspace, Map.of("com.docker.network.bridge.enable_icc", "false"));
    }

    /** Creates the network of a distributed run's nodes, which talk to each other and to nothing else of the host's. */
    public String createForNodes(String runId, Path workspace) {
        return create(runId, workspace, Map.of());
    }

    /** Labelled like the run's containers, so that clean-up and reconciliation find it by run and by workspace. */
    private String create(String runId, Path workspace, Map<String, String> options) {
        docker.createNetworkCmd().withName(name(runId)).withDriver("bridge").withCheckDuplicate(true)
                .withLabels(ExtraLabels.with(Map.of(ContainerLabels.MANAGED, "true", ContainerLabels.RUN_ID, runId,
                        ContainerLabels.WORKSPACE, workspace.toString())))
                .withOptions(options)
                .exec();
        return name(runId);
    }

    /** Removes the run's network, if it has one; a run's end calls this whatever the run was. */
    public void remove(String runId) {
        List<Network> networks = docker.listNetworksCmd().withFilter("label", List.of(ContainerLabels.RUN_ID + "=" + runId))
                .exec();
        for (Network network : networks) {
            try {
                docker.removeNetworkCmd(network.getId()).exec();
            } catch (NotFoundException | ConflictException e) {
                // Gone already, or a container of another process still holds it; reconciliation retries.
            }
        }
    }
}

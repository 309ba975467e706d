package dev.amldebug.server.run;

import com.github.dockerjava.api.DockerClient;
import dev.amldebug.runner.image.ImageUsage;
import dev.amldebug.runner.run.RunStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** One {@link RunService} per workspace and process, made on first use and then shared. */
public final class RunServices {
    private final String baseImage;
    private final Supplier<DockerClient> docker;
    private final ImageUsage usage;
    private final Executor executor;
    private final Map<Path, RunService> services = new ConcurrentHashMap<>();

    public RunServices(String baseImage, Supplier<DockerClient> docker, ImageUsage usage, Executor executor) {
        this.baseImage = baseImage;
        this.docker = docker;
        this.usage = usage;
        this.executor = executor;
    }

    public RunService forWorkspace(Path workspace) {
        return services.computeIfAbsent(workspace.toAbsolutePath().normalize(),
                dir -> new RunService(new RunStore(dir), baseImage, docker, usage, executor));
    }

    /**
     * The process is going (a DAP client that went away, SIGTERM): each workspace's runs still going get a background
     * follower that records their end and removes their containers and networks.
     */
    public void handOver() {
        services.values().forEach(RunService::handOver);
    }

    public Supplier<DockerClient> docker() {
        return docker;
    }
}

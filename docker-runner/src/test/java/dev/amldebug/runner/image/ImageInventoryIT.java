package dev.amldebug.runner.image;

import dev.amldebug.runner.image.ImageBuildListener;
import dev.amldebug.runner.run.RunStore;
import static dev.amldebug.runner.testing.DockerResources.BASE_IMAGE;
import static dev.amldebug.runner.testing.DockerResources.docker;
import static dev.amldebug.runner.testing.Projects.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.runner.run.LocalRunner;
import dev.amldebug.runner.run.RunCanceller;
import dev.amldebug.runner.run.RunContainers;
import dev.amldebug.runner.run.RunListener;
import dev.amldebug.runner.run.StartOptions;
import dev.amldebug.runner.spec.EnvironmentSpec;
import dev.amldebug.runner.spec.RunSpec;
import dev.amldebug.runner.spec.RunSpecLoader;
import dev.amldebug.runner.testing.DockerResources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(DockerResources.class)
class ImageInventoryIT {
    @TempDir
    Path project;
    @TempDir
    Path workspace;
    @TempDir
    Path cache;

    @Test
    void pruneKeepsAnImageARunningContainerUsesAndReportsSpaceFreed() throws Exception {
        write(project, "docker/Dockerfile", "FROM " + BASE_IMAGE + "\nRUN echo " + UUID.randomUUID() + " > /id\n");
        Path env = write(project, "env.yml", "build: {path: docker}\n");
        // The stimulus: wait.py keeps its container running, and so its image in use, until the test stops it.
        Path script = write(project, "wait.py", "import time\ntime.sleep(300)\n");
        ImageUsage usage = new ImageUsage(cache);
        LocalRunner runner = new LocalRunner(docker(), new RunStore(workspace), usage);
        RunSpec spec = new RunSpecLoader(BASE_IMAGE).load(script, env, List.of());
        String id = runner.queue(spec);
        runner.start(id, spec, StartOptions.DETACHED, RunListener.NONE);
        String hash = runner.store().read(id).image.substring("aml-debug/env:".length());
        // Only this test's images: the machine may hold other aml-debug images that are not ours to remove.
        ImageInventory inventory = new ImageInventory(docker(), usage,
                Map.of(ImageLabels.MANAGED, "true", ImageLabels.ENV_HASH, hash));

        assertThat(inventory.list()).extracting(ManagedImage::tag)
                .containsExactlyInAnyOrder("aml-debug/env:" + hash, "aml-debug/env:" + hash + "-base");
        PruneResult whileRunning = inventory.prune(Duration.ZERO, true);
        assertThat(whileRunning.keptInUse()).extracting(ManagedImage::tag).contains("aml-debug/env:" + hash);
        assertThat(whileRunning.removed()).extracting(ManagedImage::tag).doesNotContain("aml-debug/env:" + hash);

        new RunCanceller(runner.store(), new RunContainers(docker())).cancel(id);
        PruneResult afterwards = inventory.prune(Duration.ZERO, true);

        assertThat(afterwards.removed()).extracting(ManagedImage::tag).contains("aml-debug/env:" + hash);
        assertThat(afterwards.bytesFreed()).isPositive();
        assertThat(inventory.list()).isEmpty();
    }

    @Test
    void pruneByAgeKeepsRecentlyUsedImages() {
        write(project, "docker/Dockerfile", "FROM " + BASE_IMAGE + "\nRUN echo " + UUID.randomUUID() + " > /id\n");
        ImageUsage usage = new ImageUsage(cache);
        ImageRef image = new EnvironmentImages(docker())
                .ensure(EnvironmentSpec.ofBuild(project.resolve("docker"), "Dockerfile"), ImageBuildListener.lines(line -> { }));
        usage.touch(image.hash());
        ImageInventory inventory = new ImageInventory(docker(), usage,
                Map.of(ImageLabels.MANAGED, "true", ImageLabels.ENV_HASH, image.hash()));

        assertThat(inventory.prune(Duration.ofDays(7), false).removed()).isEmpty();
        assertThat(inventory.list()).extracting(ManagedImage::tag).contains(image.tag());
    }
}

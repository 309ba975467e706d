package dev.amldebug.runner.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Image;
import dev.amldebug.runner.docker.DockerConnection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Records the aml-debug containers and images that exist before each test and removes every
 * one the test added, whatever the test's outcome. Nothing a test creates outlives it.
 */
public final class DockerResources implements BeforeEachCallback, AfterEachCallback {
    public static final String BASE_IMAGE = System.getenv().getOrDefault("AML_DEBUG_BASE_IMAGE", "aml-debug/python:bookworm");
    private static final Map<String, String> OURS = Map.of("dev.amldebug.managed", "true");

    private static DockerClient docker;
    private Set<String> containersBefore;
    private Set<String> imagesBefore;
    private Set<String> networksBefore;

    public static synchronized DockerClient docker() {
        if (docker == null) {
            docker = DockerConnection.open();
        }
        return docker;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        containersBefore = containerIds();
        imagesBefore = imageIds();
        networksBefore = networkIds();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (String id : containerIds()) {
            if (!containersBefore.contains(id)) {
                removeContainer(id);
            }
        }
        for (String id : networkIds()) {
            if (!networksBefore.contains(id)) {
                remove(() -> docker().removeNetworkCmd(id).exec());
            }
        }
        // Images built on others go first, so the images under them can go too.
        Map<String, Image> added = new java.util.LinkedHashMap<>();
        java.util.stream.Stream.concat(docker().listImagesCmd().withLabelFilter(OURS).exec().stream(),
                        danglingImages().stream())
                .filter(image -> !imagesBefore.contains(image.getId()))
                .sorted((a, b) -> Long.compare(b.getCreated(), a.getCreated()))
                .forEach(image -> added.putIfAbsent(image.getId(), image));
        // Creation times have one-second resolution, so a child may still come after its parent: retry those.
        Set<String> left = new java.util.LinkedHashSet<>(added.keySet());
        for (int pass = 0; pass < 5 && !left.isEmpty(); pass++) {
            left.removeIf(id -> {
                try {
                    remove(() -> docker().removeImageCmd(id).withForce(true).exec());
                    return true;
                } catch (com.github.dockerjava.api.exception.ConflictException e) {
                    return false;
                }
            });
        }
    }

    private static void removeContainer(String id) {
        try {
            remove(() -> docker().removeContainerCmd(id).withForce(true).exec());
        } catch (com.github.dockerjava.api.exception.ConflictException e) {
            // The run that owns it is removing it right now.
        }
    }

    private static Set<String> containerIds() {
        Set<String> ids = new HashSet<>();
        docker().listContainersCmd().withShowAll(true).withLabelFilter(OURS).exec().stream()
                .map(Container::getId).forEach(ids::add);
        return ids;
    }

    private static Set<String> networkIds() {
        Set<String> ids = new HashSet<>();
        docker().listNetworksCmd().withFilter("label", List.of("dev.amldebug.managed=true")).exec()
                .forEach(network -> ids.add(network.getId()));
        return ids;
    }

    /** Ours, and untagged ones: a failed build leaves the layers of its successful steps behind. */
    private static Set<String> imageIds() {
        Set<String> ids = new HashSet<>();
        docker().listImagesCmd().withLabelFilter(OURS).exec().forEach(image -> ids.add(image.getId()));
        danglingImages().forEach(image -> ids.add(image.getId()));
        return ids;
    }

    private static List<Image> danglingImages() {
        return docker().listImagesCmd().withDanglingFilter(true).exec();
    }

    private static void remove(Runnable removal) {
        try {
            removal.run();
        } catch (NotFoundException e) {
            // Already gone: what the test created no longer exists, which is the goal.
        }
    }
}

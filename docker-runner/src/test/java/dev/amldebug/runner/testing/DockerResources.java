package dev.amldebug.runner.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.Network;
import dev.amldebug.runner.docker.DockerConnection;
import dev.amldebug.runner.docker.ExtraLabels;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives each test a label of its own, {@link #TEST_LABEL}={@code <uuid>}, that aml-debug puts on every container,
 * network and image it creates during the test (through {@link ExtraLabels#PROPERTY}, and {@link #childEnvironment}
 * for the aml-debug processes a test starts), and removes exactly those afterwards, whatever the test's outcome.
 * Nothing a test creates outlives it, and nothing of another test run or of the user's own runs on the same engine
 * is touched. Untagged layers that a failed image build leaves behind carry no label and stay: prune them with
 * {@code docker image prune}.
 */
public final class DockerResources implements BeforeEachCallback, AfterEachCallback {
    public static final String BASE_IMAGE = System.getenv().getOrDefault("AML_DEBUG_BASE_IMAGE", "aml-debug/python:bookworm");
    /** The label whose value marks what the running test created. */
    public static final String TEST_LABEL = "dev.amldebug.test";

    private static DockerClient docker;
    private String propertyBefore;
    private String testLabel;

    public static synchronized DockerClient docker() {
        if (docker == null) {
            docker = DockerConnection.open();
        }
        return docker;
    }

    /** The labels for a container or network that a test creates itself: aml-debug's own and the test's. */
    public static Map<String, String> labels() {
        return ExtraLabels.with(Map.of("dev.amldebug.managed", "true"));
    }

    /**
     * What to add to the environment of an aml-debug process that a test starts, so that what it creates carries the
     * test's labels too: {@link ExtraLabels#VARIABLE}, when a test has set them; else nothing.
     */
    public static Map<String, String> childEnvironment() {
        String labels = System.getProperty(ExtraLabels.PROPERTY);
        return labels == null ? Map.of() : Map.of(ExtraLabels.VARIABLE, labels);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        propertyBefore = System.getProperty(ExtraLabels.PROPERTY);
        testLabel = TEST_LABEL + "=" + UUID.randomUUID();
        String inherited = propertyBefore != null ? propertyBefore : System.getenv().getOrDefault(ExtraLabels.VARIABLE, "");
        System.setProperty(ExtraLabels.PROPERTY, inherited.isBlank() ? testLabel : inherited + "," + testLabel);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            docker().listContainersCmd().withShowAll(true).withFilter("label", List.of(testLabel)).exec().stream()
                    .map(Container::getId).forEach(DockerResources::removeContainer);
            docker().listNetworksCmd().withFilter("label", List.of(testLabel)).exec().stream().map(Network::getId)
                    .forEach(id -> remove(() -> docker().removeNetworkCmd(id).exec()));
            removeImages();
        } finally {
            if (propertyBefore == null) {
                System.clearProperty(ExtraLabels.PROPERTY);
            } else {
                System.setProperty(ExtraLabels.PROPERTY, propertyBefore);
            }
        }
    }

    /** Images built on others go first, so the images under them can go too. */
    private void removeImages() {
        Set<String> left = new LinkedHashSet<>();
        docker().listImagesCmd().withFilter("label", List.of(testLabel)).exec().stream()
                .sorted(Comparator.comparingLong(Image::getCreated).reversed()).map(Image::getId).forEach(left::add);
        // Creation times have one-second resolution, so a child may still come after its parent: retry those.
        for (int pass = 0; pass < 5 && !left.isEmpty(); pass++) {
            left.removeIf(id -> {
                try {
                    remove(() -> docker().removeImageCmd(id).withForce(true).exec());
                    return true;
                } catch (ConflictException e) {
                    return false;
                }
            });
        }
    }

    private static void removeContainer(String id) {
        try {
            remove(() -> docker().removeContainerCmd(id).withForce(true).exec());
        } catch (ConflictException e) {
            // The run that owns it is removing it right now.
        }
    }

    private static void remove(Runnable removal) {
        try {
            removal.run();
        } catch (NotFoundException e) {
            // Already gone: what the test created no longer exists, which is the goal.
        }
    }
}

package dev.amldebug.runner.testing;

import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Images shaped like the ones users bring, built from the base image with no registry, from the Dockerfiles in
 * {@code src/test/resources/image-variants/}: {@code python3-only}, {@code conda-path}, {@code non-root},
 * {@code entrypoint}, {@code no-debugpy-no-pip}, {@code dies-at-start}. Each is tagged {@code aml-debug-test/NAME}
 * and labelled {@link #LABEL}; {@link #removeAll} removes those this process built, and nothing else.
 */
public final class ImageVariants {
    public static final String LABEL = "dev.amldebug.test-fixture";
    private static final Set<String> BUILT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private ImageVariants() {
    }

    /** The variant's tag, built on first use (a few seconds each: one small layer on the base image). */
    public static synchronized String image(String name) {
        String tag = "aml-debug-test/" + name + ":latest";
        try {
            DockerResources.docker().inspectImageCmd(tag).exec();
            return tag;
        } catch (NotFoundException e) {
            // Built below.
        }
        Path context;
        try (InputStream dockerfile = ImageVariants.class.getResourceAsStream("/image-variants/" + name + ".Dockerfile")) {
            if (dockerfile == null) {
                throw new IllegalArgumentException("no image variant " + name);
            }
            context = Files.createTempDirectory("aml-debug-variant");
            Files.write(context.resolve("Dockerfile"), dockerfile.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DockerResources.docker().buildImageCmd(context.toFile()).withTags(Set.of(tag))
                .withBuildArg("BASE", DockerResources.BASE_IMAGE).withLabels(Map.of(LABEL, "true"))
                .exec(new BuildImageResultCallback()).awaitImageId();
        BUILT.add(tag);
        return tag;
    }

    /** Removes the variants this process built. */
    public static void removeAll() {
        for (String tag : BUILT) {
            try {
                DockerResources.docker().removeImageCmd(tag).withForce(true).exec();
            } catch (NotFoundException e) {
                // Gone already.
            }
        }
        BUILT.clear();
    }
}

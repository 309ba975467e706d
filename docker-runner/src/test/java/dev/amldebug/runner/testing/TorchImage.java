package dev.amldebug.runner.testing;

import static dev.amldebug.runner.testing.DockerResources.docker;

import dev.amldebug.runner.image.EnvironmentImages;
import dev.amldebug.runner.image.ImageBuildListener;
import dev.amldebug.runner.spec.EnvironmentSpec;
import java.nio.file.Path;

/**
 * The distributed example's PyTorch image (Debian's python3-torch on the base image), built the first time through
 * the environment cache (2 to 3 minutes) and reused after that. Call it before any test's label is set (in a
 * {@code @BeforeAll}): like any environment image it then stays, cached by its hash, for every later test.
 */
public final class TorchImage {
    private TorchImage() {
    }

    /** Its tag; the tests run in a module folder, beside examples/. */
    public static String tag() {
        Path docker = Path.of("../examples/distributed/docker").toAbsolutePath().normalize();
        return new EnvironmentImages(docker()).ensure(EnvironmentSpec.ofBuild(docker, "Dockerfile"),
                ImageBuildListener.lines(System.out::println)).tag();
    }
}

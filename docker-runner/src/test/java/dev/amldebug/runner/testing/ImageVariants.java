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
 * {@code entrypoint}, {@code no-debugpy-no-pip}, {@code dies-at-start}, {@code azureml-inference-server} (with its
 * folder of files). Each is tagged {@code aml-debug-test/NAME}
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
            copyFiles(name, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DockerResources.docker().buildImageCmd(context.toFile()).withTags(Set.of(tag))
                .withBuildArg("BASE", DockerResources.BASE_IMAGE).withLabels(Map.of(LABEL, "true"))
                .exec(new BuildImageResultCallback()).awaitImageId();
        BUILT.add(tag);
        return tag;
    }

    /** The variant's own files, where it has a folder beside its Dockerfile: the build context's content. */
    private static void copyFiles(String name, Path context) throws IOException {
        java.net.URL folder = ImageVariants.class.getResource("/image-variants/" + name);
        if (folder == null) {
            return;
        }
        java.net.URI uri = java.net.URI.create(folder.toString());
        if (!uri.getScheme().equals("jar")) {
            copyTree(Path.of(uri), context);
            return;
        }
        // From another module, the test fixtures are a jar.
        try (java.nio.file.FileSystem jar = java.nio.file.FileSystems.newFileSystem(uri, Map.of())) {
            copyTree(jar.getPath("/image-variants/" + name), context);
        }
    }

    private static void copyTree(Path source, Path context) throws IOException {
        try (var files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = context.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
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

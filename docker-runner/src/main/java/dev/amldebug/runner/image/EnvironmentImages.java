package dev.amldebug.runner.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.amldebug.runner.docker.ExtraLabels;
import dev.amldebug.runner.spec.EnvironmentSpec;
import dev.amldebug.runner.spec.ImagePython;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Environment to image, cached by content hash: an unchanged environment reuses its image
 * and builds nothing; a changed one builds a new image tagged {@code aml-debug/env:<hash>}.
 */
public final class EnvironmentImages {
    private static final int PULL_TIMEOUT_SECONDS = 120;
    private final DockerClient docker;
    private final EnvironmentHasher hasher = new EnvironmentHasher();
    private final DockerfileGenerator generator = new DockerfileGenerator();
    private final ImageSubstitutes substitutes;

    public EnvironmentImages(DockerClient docker) {
        this(docker, ImageSubstitutes.fromEnvironment());
    }

    public EnvironmentImages(DockerClient docker, ImageSubstitutes substitutes) {
        this.docker = docker;
        this.substitutes = substitutes;
    }

    /** The image for {@code environment}, built if missing; build output goes to {@code log} as it happens. */
    public ImageRef ensure(EnvironmentSpec named, ImageBuildListener log) {
        EnvironmentSpec environment = substituted(named, log);
        String baseId = environment.isBuild() ? null : localImageId(environment.image());
        String hash = hasher.hash(environment, baseId);
        String tag = ImageLabels.tag(hash);
        if (localImageId(tag) != null) {
            log.line("Reusing image " + tag + " for " + environment.describe() + "; nothing to build.");
            log.reused(tag);
            return new ImageRef(tag, hash, true);
        }
        String base = environment.image();
        if (environment.isBuild()) {
            base = tag + "-base";
            log.line("Building " + base + " from " + environment.buildContext());
            build(environment.buildContext(), environment.dockerfilePath(), base, labels(hash, environment), log);
        } else if (baseId == null) {
            log.line("Base image " + base + " is not present locally; Docker will pull it.");
        }
        log.line("Building image " + tag + " for " + environment.describe());
        Path context = writeContext(environment, base);
        try {
            build(context, "Dockerfile", tag, labels(hash, environment), log);
        } finally {
            deleteTree(context);
        }
        log.line("Built image " + tag + ".");
        return new ImageRef(tag, hash, false);
    }

    /** The environment on its image's substitute, when the image is neither here nor pullable and has one. */
    private EnvironmentSpec substituted(EnvironmentSpec environment, ImageBuildListener log) {
        if (environment.isBuild() || localImageId(environment.image()) != null) {
            return environment;
        }
        Optional<ImageSubstitutes.Substitute> substitute = substitutes.of(environment.image());
        if (substitute.isEmpty()) {
            return environment;
        }
        Optional<String> failure = pull(environment.image(), log);
        if (failure.isEmpty()) {
            return environment;
        }
        log.line("Using " + substitute.get().image() + " for " + environment.image() + ": it could not be pulled ("
                + failure.get() + "); the substitute is set in " + substitute.get().source() + ".");
        return EnvironmentSpec.ofImage(substitute.get().image(), environment.condaYaml());
    }

    /** Pulls the image; empty when it worked, else why not. */
    private Optional<String> pull(String image, ImageBuildListener log) {
        log.line("Pulling " + image + "...");
        try {
            boolean done = docker.pullImageCmd(image).exec(new PullImageResultCallback())
                    .awaitCompletion(PULL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return done ? Optional.empty() : Optional.of("no answer within " + PULL_TIMEOUT_SECONDS + " s");
        } catch (DockerException | DockerClientException e) {
            String message = String.valueOf(e.getMessage()).strip();
            return Optional.of(message.contains("dial tcp") || message.contains("lookup")
                    ? "no registry reachable" : message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    private void build(Path context, String dockerfile, String tag, Map<String, String> labels, ImageBuildListener log) {
        BuildOutput output = new BuildOutput(log);
        try {
            docker.buildImageCmd(context.toFile())
                    .withDockerfile(context.resolve(dockerfile).toFile())
                    .withTags(Set.of(tag))
                    .withLabels(labels)
                    .withPull(false)
                    .withRemove(true)
                    .withForcerm(true)
                    .exec(output)
                    .awaitImageId();
        } catch (DockerClientException e) {
            String reason = output.error() != null ? output.error() : e.getMessage();
            throw new BuildFailedException(output.step(), reason, output.tail());
        }
    }

    private Path writeContext(EnvironmentSpec environment, String base) {
        try {
            Path dir = Files.createTempDirectory("aml-debug-build");
            Files.writeString(dir.resolve("Dockerfile"), generator.generate(environment, base));
            if (environment.condaYaml() != null) {
                Files.writeString(dir.resolve(DockerfileGenerator.CONDA_FILE), environment.condaYaml());
            }
            try (InputStream helper = getClass().getResourceAsStream(DockerfileGenerator.HELPER)) {
                Files.copy(helper, dir.resolve(DockerfileGenerator.HELPER));
            }
            Files.writeString(dir.resolve(DockerfileGenerator.PYTHON), ImagePython.scriptFile());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the image build folder", e);
        }
    }

    private static Map<String, String> labels(String hash, EnvironmentSpec environment) {
        return ExtraLabels.with(Map.of(ImageLabels.MANAGED, "true", ImageLabels.ENV_HASH, hash,
                ImageLabels.BASE_IMAGE, environment.isBuild() ? environment.buildContext().toString() : environment.image(),
                ImageLabels.DESCRIPTION, environment.describe(), "dev.amldebug.built", Instant.now().toString()));
    }

    private String localImageId(String image) {
        try {
            return docker.inspectImageCmd(image).exec().getId();
        } catch (NotFoundException e) {
            return null;
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }
}

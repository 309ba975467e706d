package dev.amldebug.runner.image;

import dev.amldebug.runner.spec.EnvironmentSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * A content hash of a normalized environment: equal environments get the same image tag,
 * any change that could change the image gets a new one. Layout and comments of the
 * conda file do not count (it is hashed by what it asks for), the build folder's files do.
 */
public final class EnvironmentHasher {
    /** Bump when the generated Dockerfile changes meaning, so old images are not reused. */
    private static final String GENERATOR_VERSION = "2";

    /**
     * @param baseImageId the local id of the base image when known, so a rebuilt base gives a new hash; may be null
     */
    public String hash(EnvironmentSpec environment, String baseImageId) {
        MessageDigest digest = sha256();
        update(digest, "generator", GENERATOR_VERSION);
        if (environment.isBuild()) {
            update(digest, "dockerfile", environment.dockerfilePath());
            hashFolder(digest, environment.buildContext());
        } else {
            update(digest, "image", environment.image());
            update(digest, "image-id", baseImageId == null ? "" : baseImageId);
            if (environment.condaYaml() != null) {
                update(digest, "conda", String.valueOf((Object) new Yaml().load(environment.condaYaml())));
            }
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    }

    private static void hashFolder(MessageDigest digest, Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            List<Path> sorted = files.filter(Files::isRegularFile).sorted().toList();
            for (Path file : sorted) {
                update(digest, "file", folder.relativize(file).toString().replace('\\', '/'));
                digest.update(Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read build folder " + folder, e);
        }
    }

    private static void update(MessageDigest digest, String key, String value) {
        digest.update((key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

package dev.amldebug.runner.image;

import dev.amldebug.errors.AmlDebugException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Images that stand in for others that cannot be pulled here: a job that names
 * {@code mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest} on a machine with no registry runs on the
 * substitute, and the run's control log says so. A substitute is used only when the named image is neither present
 * nor pullable; it is never tagged with the other image's name. Two sources, the variable first:
 * <ul>
 * <li>{@code AML_DEBUG_IMAGE_SUBSTITUTES}: {@code NAMED=SUBSTITUTE} pairs separated by commas;</li>
 * <li>the file {@code image-substitutes} in the user's configuration folder
 * ({@code $XDG_CONFIG_HOME/aml-debug}, or {@code ~/.config/aml-debug}): a {@code NAMED = SUBSTITUTE} line each,
 * {@code #} comments.</li>
 * </ul>
 */
public final class ImageSubstitutes {
    public static final String VARIABLE = "AML_DEBUG_IMAGE_SUBSTITUTES";
    public static final String FILE_NAME = "image-substitutes";

    /** A substitute and where it was said. */
    public record Substitute(String image, String source) {
    }

    private final Map<String, Substitute> substitutes;

    private ImageSubstitutes(Map<String, Substitute> substitutes) {
        this.substitutes = substitutes;
    }

    /** From this process's environment and the user's file. */
    public static ImageSubstitutes fromEnvironment() {
        return of(System.getenv(), file(System.getenv()));
    }

    static ImageSubstitutes of(Map<String, String> environment, Path file) {
        Map<String, Substitute> found = new LinkedHashMap<>();
        if (Files.isRegularFile(file)) {
            List<String> lines = read(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).replaceFirst("#.*", "").trim();
                if (!line.isEmpty()) {
                    put(found, line, file + ":" + (i + 1));
                }
            }
        }
        String variable = environment.get(VARIABLE);
        if (variable != null) {
            for (String pair : variable.split(",")) {
                if (!pair.isBlank()) {
                    put(found, pair.trim(), VARIABLE);
                }
            }
        }
        return new ImageSubstitutes(found);
    }

    public Optional<Substitute> of(String image) {
        return Optional.ofNullable(substitutes.get(image));
    }

    /** The user's file: {@code $XDG_CONFIG_HOME/aml-debug/image-substitutes} or {@code ~/.config/aml-debug/...}. */
    public static Path file(Map<String, String> environment) {
        String config = environment.get("XDG_CONFIG_HOME");
        Path folder = config != null && !config.isBlank() ? Path.of(config)
                : Path.of(System.getProperty("user.home"), ".config");
        return folder.resolve("aml-debug").resolve(FILE_NAME);
    }

    private static void put(Map<String, Substitute> found, String pair, String source) {
        int equals = pair.indexOf('=');
        if (equals <= 0 || equals == pair.length() - 1) {
            throw AmlDebugException.badInput(source + ": '" + pair + "' is not NAMED_IMAGE=SUBSTITUTE_IMAGE;"
                    + " write each image substitute as the image a job names, '=', and the image to use instead.");
        }
        found.put(pair.substring(0, equals).trim(), new Substitute(pair.substring(equals + 1).trim(), source));
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}

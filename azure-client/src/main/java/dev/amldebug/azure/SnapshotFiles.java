package dev.amldebug.azure;

import dev.amldebug.errors.AmlDebugException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The files of a code folder, as relative paths in '/'-joined sorted order, less what is excluded. */
final class SnapshotFiles {
    private SnapshotFiles() {
    }

    /** {@code excluded} is asked about each relative path (files and folders); .azureml/runs is always left out. */
    static List<String> of(Path folder, Predicate<Path> excluded) {
        if (!Files.isDirectory(folder)) {
            throw AmlDebugException.badInput("The code folder " + folder + " is not a folder: point `code` at one.");
        }
        Path runs = Path.of(".azureml", "runs");
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .map(folder::relativize)
                    .filter(relative -> !relative.startsWith(runs) && !excludedOrUnder(relative, excluded))
                    .map(relative -> relative.toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw AmlDebugException.environment("Cannot read the code folder " + folder + ": check its permissions.", e);
        }
    }

    private static boolean excludedOrUnder(Path relative, Predicate<Path> excluded) {
        for (Path part = relative; part != null; part = part.getParent()) {
            if (excluded.test(part)) {
                return true;
            }
        }
        return false;
    }
}

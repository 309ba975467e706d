package dev.amldebug.azure;

import dev.amldebug.errors.AmlDebugException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.io.UncheckedIOException;
import java.util.ArrayList;

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
            List<Path> included = walk.filter(Files::isRegularFile)
                    .filter(path -> !folder.relativize(path).startsWith(runs)
                            && !excludedOrUnder(folder.relativize(path), excluded))
                    .toList();
            refuseLinksOut(folder, included);
            return included.stream().map(folder::relativize)
                    .map(relative -> relative.toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw AmlDebugException.environment("Cannot read the code folder " + folder + ": check its permissions.", e);
        }
    }

    /** A link to a file outside the folder would upload that file (/etc/passwd, a key): refused, each named. */
    private static void refuseLinksOut(Path folder, List<Path> files) throws IOException {
        Path real = folder.toRealPath();
        List<String> out = new ArrayList<>();
        for (Path file : files) {
            if (!file.toRealPath().startsWith(real)) {
                out.add(folder.relativize(file) + " -> " + file.toRealPath());
            }
        }
        if (!out.isEmpty()) {
            throw AmlDebugException.badInput("The code folder " + folder + " has links that lead out of it, whose"
                    + " targets would be uploaded: " + String.join(", ", out) + ". Remove them, or copy what they point"
                    + " to into the folder (or list them in .amlignore).");
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

package dev.amldebug.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A folder of a test's own for a fixture, removed when the test's context closes (after every afterEach), as @TempDir is. */
public final class TempFolder implements AutoCloseable {
    private final Path root;

    private TempFolder(Path root) {
        this.root = root;
    }

    public static Path create(ExtensionContext context, String prefix) throws IOException {
        TempFolder folder = new TempFolder(Files.createTempDirectory(prefix));
        context.getStore(ExtensionContext.Namespace.create(TempFolder.class, folder.root)).put(folder.root, folder);
        return folder.root;
    }

    @Override
    public void close() throws IOException {
        List<Path> all;
        try (Stream<Path> files = Files.walk(root)) {
            all = files.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : all) {
            try {
                delete(path);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not remove the test folder " + root + " (" + path + ")", e);
            }
        }
    }

    /** Deletes {@code path}, making its folder writable first if it was not (as JUnit's @TempDir does). */
    private static void delete(Path path) throws IOException {
        try {
            Files.deleteIfExists(path);
        } catch (AccessDeniedException denied) {
            if (!path.getParent().toFile().setWritable(true)) {
                throw denied;
            }
            Files.deleteIfExists(path);
        }
    }
}

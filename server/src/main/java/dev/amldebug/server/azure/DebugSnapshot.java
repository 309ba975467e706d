package dev.amldebug.server.azure;

import dev.amldebug.runner.spec.SnapshotIgnore;
import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.debug.DebugShim;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A debugged step's code snapshot: the code folder as Azure ML would take it (minus .amlignore or .gitignore), copied to
 * a temporary folder with the debug shim added under {@link RemoteStepDebug#SHIM_FOLDER}. The user's folder is never
 * written to; the copy goes when closed.
 */
final class DebugSnapshot implements AutoCloseable {
    /** The shim reads the hub's token from this file next to it (aml_debug_shim.py's HUB_TOKEN_FILE). */
    static final String HUB_TOKEN_FILE = "hub_token";
    private final Path folder;

    private DebugSnapshot(Path folder) {
        this.folder = folder;
    }

    /** @param hubToken the debug hub's token, written next to the shim for connect mode; null for listen mode */
    static DebugSnapshot of(Path codeFolder, Path parent, String hubToken) {
        try {
            Files.createDirectories(parent);
            Path copy = Files.createTempDirectory(parent, "debug-snapshot-");
            SnapshotIgnore ignore = SnapshotIgnore.of(codeFolder);
            try (Stream<Path> paths = Files.walk(codeFolder)) {
                for (Path path : paths.filter(Files::isRegularFile).toList()) {
                    Path relative = codeFolder.relativize(path);
                    if (!ignoredOrUnder(ignore, relative)) {
                        Files.createDirectories(copy.resolve(relative.toString()).getParent());
                        Files.copy(path, copy.resolve(relative.toString()));
                    }
                }
            }
            for (Map.Entry<String, byte[]> file : DebugShim.files().entrySet()) {
                Path target = copy.resolve(RemoteStepDebug.SHIM_FOLDER).resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            if (hubToken != null) {
                Files.writeString(copy.resolve(RemoteStepDebug.SHIM_FOLDER).resolve(HUB_TOKEN_FILE), hubToken);
            }
            return new DebugSnapshot(copy);
        } catch (IOException e) {
            throw AmlDebugException.environment("Could not build the debug snapshot of " + codeFolder + " under " + parent
                    + ": " + e.getMessage() + ". Check that the folder is writable.", e);
        }
    }

    private static boolean ignoredOrUnder(SnapshotIgnore ignore, Path relative) {
        for (Path at = relative; at != null; at = at.getParent()) {
            if (ignore.test(at)) {
                return true;
            }
        }
        return false;
    }

    Path folder() {
        return folder;
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.amldebug.runner.debug;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Python debug shim shipped in the jar, with the files beside it, written once to a folder
 * named by their content hash so that containers can mount it read-only at {@link DebugOptions#SHIM_DIR}.
 */
public final class DebugShim {
    public static final String FILE_NAME = "aml_debug_shim.py";
    /** Every file of the shim folder, as a path relative to it (and to this class's resources). */
    public static final List<String> FILES = List.of(FILE_NAME, "aml_debug_nodelay.py", "startup/sitecustomize.py");
    /** The line the shim prints once a debugger attached (the Azure ML guide's wording). */
    public static final String ATTACHED_LINE = "Debugger attached = True";
    private static final Logger LOG = LoggerFactory.getLogger(DebugShim.class);
    private static final String FOLDER = "rwxr-xr-x";
    private static final String FILE = "rw-r--r--";

    private DebugShim() {
    }

    /** The shim's files by relative path, read from the jar. */
    public static Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : FILES) {
            try (InputStream in = DebugShim.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("the jar lacks the debug shim's " + name + "; rebuild it");
                }
                files.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the debug shim's " + name + " from the jar", e);
            }
        }
        return files;
    }

    /**
     * The folder holding the shim under {@code cacheDir}, written if missing. It appears whole
     * or not at all: the files go to a temporary folder that is then renamed.
     */
    public static Path folder(Path cacheDir) {
        Map<String, byte[]> files = files();
        Path dir = cacheDir.resolve("shim").resolve(hash(files));
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Path temp = null;
        try {
            Files.createDirectories(dir.getParent());
            temp = Files.createTempDirectory(dir.getParent(), ".shim");
            write(temp, files);
            Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
            return dir;
        } catch (IOException e) {
            deleteQuietly(temp);
            if (Files.isDirectory(dir)) {
                // Another process wrote the same folder first (rename fails on a folder that is not empty).
                return dir;
            }
            throw new UncheckedIOException("cannot write the debug shim to " + dir + "; is " + cacheDir + " writable?", e);
        }
    }

    private static void write(Path dir, Map<String, byte[]> files) throws IOException {
        permit(dir, FOLDER);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = dir.resolve(file.getKey());
            if (!target.getParent().equals(dir)) {
                Files.createDirectories(target.getParent());
                permit(target.getParent(), FOLDER);
            }
            Files.write(target, file.getValue());
            permit(target, FILE);
        }
    }

    /** Readable by whatever user the container runs as (the folder is mounted read-only), where permissions are POSIX. */
    private static void permit(Path path, String permissions) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A leftover temporary folder is harmless: its name starts with a dot and nothing reads it.
            LOG.debug("could not remove the temporary shim folder {}", dir, e);
        }
    }

    private static String hash(Map<String, byte[]> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Integer.toString(file.getValue().length).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.getValue());
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

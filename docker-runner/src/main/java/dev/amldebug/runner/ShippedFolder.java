package dev.amldebug.runner;

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
 * Python files shipped in the jar that containers mount read-only: written once to a folder
 * named by their content hash under the user's cache, whole or not at all (they go to a
 * temporary folder that is then renamed), readable by whatever user the container runs as.
 */
public final class ShippedFolder {
    private static final Logger LOG = LoggerFactory.getLogger(ShippedFolder.class);
    private static final String FOLDER = "rwxr-xr-x";
    private static final String FILE = "rw-r--r--";

    private final Class<?> anchor;
    private final String kind;
    private final List<String> names;

    /**
     * @param anchor the class beside whose resources the files are
     * @param kind   the cache sub-folder and what the files are called in messages
     * @param names  the files, as paths relative to the anchor's resources
     */
    public ShippedFolder(Class<?> anchor, String kind, List<String> names) {
        this.anchor = anchor;
        this.kind = kind;
        this.names = List.copyOf(names);
    }

    /** The files by relative path, read from the jar. */
    public Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : names) {
            try (InputStream in = anchor.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("the jar lacks the " + kind + "'s " + name + "; rebuild it");
                }
                files.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the " + kind + "'s " + name + " from the jar", e);
            }
        }
        return files;
    }

    /** The folder holding the files under {@code cacheDir}, written if missing. */
    public Path folder(Path cacheDir) {
        Map<String, byte[]> files = files();
        Path dir = cacheDir.resolve(kind).resolve(hash(files));
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Path temp = null;
        try {
            Files.createDirectories(dir.getParent());
            temp = Files.createTempDirectory(dir.getParent(), "." + kind);
            write(temp, files);
            Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
            return dir;
        } catch (IOException e) {
            deleteQuietly(temp);
            if (Files.isDirectory(dir)) {
                // Another process wrote the same folder first (rename fails on a folder that is not empty).
                return dir;
            }
            throw new UncheckedIOException("cannot write the " + kind + " to " + dir + "; is " + cacheDir + " writable?", e);
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

    /** Where permissions are POSIX. */
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
            LOG.debug("could not remove the temporary folder {}", dir, e);
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

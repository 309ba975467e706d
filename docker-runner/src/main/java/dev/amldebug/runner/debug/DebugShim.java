package dev.amldebug.runner.debug;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Python debug shim shipped in the jar, written once to a folder named by its content
 * hash so that containers can mount it read-only at {@link DebugOptions#SHIM_DIR}.
 */
public final class DebugShim {
    public static final String FILE_NAME = "aml_debug_shim.py";
    /** The line the shim prints once a debugger attached (the Azure ML guide's wording). */
    public static final String ATTACHED_LINE = "Debugger attached = True";

    private DebugShim() {
    }

    public static byte[] bytes() {
        try (InputStream in = DebugShim.class.getResourceAsStream(FILE_NAME)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the jar lacks " + FILE_NAME, e);
        }
    }

    /** The folder holding the shim under {@code cacheDir}, written if missing. */
    public static Path folder(Path cacheDir) {
        byte[] shim = bytes();
        Path dir = cacheDir.resolve("shim").resolve(hash(shim));
        Path file = dir.resolve(FILE_NAME);
        try {
            if (!Files.isRegularFile(file)) {
                Files.createDirectories(dir);
                Path temp = Files.createTempFile(dir, "shim", ".tmp");
                Files.write(temp, shim);
                Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the debug shim to " + dir, e);
        }
    }

    private static String hash(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

package dev.amldebug.azure;

import dev.amldebug.errors.AmlDebugException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A snapshot's name: the first 32 hex digits of a SHA-256 over its sorted relative paths and their bytes
 * (each path, a NUL, the length, a NUL, the bytes), so an unchanged snapshot is never uploaded twice.
 */
final class ContentHash {
    private ContentHash() {
    }

    static String of(Path root, List<String> relativePaths) {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[64 * 1024];
        for (String relative : relativePaths) {
            Path file = root.resolve(relative);
            try (InputStream in = Files.newInputStream(file)) {
                digest.update(relative.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Long.toString(Files.size(file)).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) 0);
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    digest.update(buffer, 0, read);
                }
            } catch (IOException e) {
                throw AmlDebugException.environment("Cannot read " + file + " for the code snapshot: check its permissions.", e);
            }
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

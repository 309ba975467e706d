package dev.amldebug.runner.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import dev.amldebug.runner.UserCache;
import java.nio.file.FileAlreadyExistsException;

/**
 * When each environment image was last used by a run. Images are shared by every workspace,
 * so this lives in the user's cache folder: one empty file per image hash, its mtime the last use.
 */
public final class ImageUsage {
    private final Path dir;

    public ImageUsage(Path dir) {
        this.dir = dir;
    }

    public static ImageUsage inUserCache() {
        return new ImageUsage(UserCache.dir().resolve("image-use"));
    }

    public void touch(String hash) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(hash);
            try {
                Files.createFile(file);
            } catch (FileAlreadyExistsException e) {
                // Used before, or by a run that starts at the same moment (two pipeline steps): either way it exists.
            }
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record image use in " + dir, e);
        }
    }

    public Optional<Instant> lastUse(String hash) {
        try {
            Path file = dir.resolve(hash);
            return Files.exists(file) ? Optional.of(Files.getLastModifiedTime(file).toInstant()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read image use in " + dir, e);
        }
    }

    public void forget(String hash) {
        try {
            Files.deleteIfExists(dir.resolve(hash));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update image use in " + dir, e);
        }
    }
}

package dev.amldebug.azure.credentials;

import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.ITokenCacheAccessContext;
import dev.amldebug.errors.AmlDebugException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * MSAL's token cache as a file only its owner can read or write (0600, created so, never widened): where no keyring
 * exists, as on a headless Linux machine or in a container, the sign-in is kept here.
 */
final class TokenCacheFile implements ITokenCacheAccessAspect {
    private final Path file;

    TokenCacheFile(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    @Override
    public void beforeCacheAccess(ITokenCacheAccessContext context) {
        if (Files.isRegularFile(file)) {
            try {
                context.tokenCache().deserialize(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                // An unreadable cache is an empty one: the user signs in again.
            }
        }
    }

    @Override
    public void afterCacheAccess(ITokenCacheAccessContext context) {
        if (context.hasCacheChanged()) {
            write(context.tokenCache().serialize());
        }
    }

    private void write(String content) {
        try {
            Files.createDirectories(file.getParent());
            Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.deleteIfExists(next);
            createPrivate(next);
            Files.writeString(next, content, StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw AmlDebugException.environment("Cannot save the Azure sign-in to " + file
                    + ": check that the folder is writable, then run `aml-debug azure login` again.", e);
        }
    }

    /** Creates the file with mode 0600 from the start, so no other user can open it between creation and a chmod. */
    static void createPrivate(Path path) throws IOException {
        try {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(path); // not a POSIX file system (Windows): the user's profile folder is private already
        }
    }
}

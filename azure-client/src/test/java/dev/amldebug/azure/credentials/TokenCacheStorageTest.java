package dev.amldebug.azure.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.ITokenCacheAccessContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCacheStorageTest {
    @TempDir
    Path state;

    @Test
    void aKeyringWhoseNativeLibraryIsMissingMeansTheFileNotAFailedSignIn() {
        // What JNA throws on a headless machine without libsecret: an Error, not an Exception.
        TokenCacheStorage storage = TokenCacheStorage.choose(state, Map.of(), folder -> {
            throw new UnsatisfiedLinkError("Unable to load library 'libsecret-1'");
        });

        assertThat(storage.aspect()).isInstanceOf(TokenCacheFile.class);
        assertThat(storage.description()).startsWith(state.resolve("msal-token-cache.json").toString())
                .contains("readable only by you").contains("no system keyring");
    }

    @Test
    void aWorkingKeyringIsUsedUnlessTheFileIsAskedFor() {
        ITokenCacheAccessAspect keyring = new ITokenCacheAccessAspect() {
            @Override
            public void beforeCacheAccess(ITokenCacheAccessContext context) {
            }

            @Override
            public void afterCacheAccess(ITokenCacheAccessContext context) {
            }
        };
        assertThat(TokenCacheStorage.choose(state, Map.of(), folder -> keyring).aspect()).isSameAs(keyring);
        TokenCacheStorage asked = TokenCacheStorage.choose(state, Map.of("AML_DEBUG_TOKEN_CACHE", "file"), folder -> keyring);
        assertThat(asked.aspect()).isInstanceOf(TokenCacheFile.class);
        assertThat(asked.description()).contains("as AML_DEBUG_TOKEN_CACHE=file asks");
    }

    @Test
    void theFileIsCreatedReadableOnlyByItsOwner() throws Exception {
        Path file = state.resolve("sub").resolve("cache.json");
        Files.createDirectories(file.getParent());
        TokenCacheFile.createPrivate(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}

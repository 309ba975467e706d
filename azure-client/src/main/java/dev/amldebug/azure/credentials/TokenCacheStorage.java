package dev.amldebug.azure.credentials;

import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4jextensions.PersistenceSettings;
import com.microsoft.aad.msal4jextensions.PersistenceTokenCacheAccessAspect;
import com.microsoft.aad.msal4jextensions.persistence.linux.KeyRingAccessor;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where `aml-debug azure login` keeps its tokens: the system's keyring (Secret Service on Linux, the keychain on
 * macOS, DPAPI on Windows) where one works, else {@link TokenCacheFile} (0600). The keyring's probe can fail in
 * any way, native errors included (no libsecret, no D-Bus session on a headless machine), and each means "no
 * keyring here", never a failed sign-in. {@value #SETTING}=file asks for the file even where a keyring works.
 */
record TokenCacheStorage(ITokenCacheAccessAspect aspect, String description) {
    static final String SETTING = "AML_DEBUG_TOKEN_CACHE";
    static final String FILE_NAME = "msal-token-cache.json";
    private static final String SCHEMA = "dev.amldebug.msal.cache";
    private static final String LABEL = "aml-debug Azure sign-in";

    /** Opens the system keyring's cache, or throws anything at all. */
    interface Keyring {
        ITokenCacheAccessAspect open(Path stateFolder) throws Exception;
    }

    static TokenCacheStorage choose(Path stateFolder, Map<String, String> env) {
        return choose(stateFolder, env, TokenCacheStorage::systemKeyring);
    }

    static TokenCacheStorage choose(Path stateFolder, Map<String, String> env, Keyring keyring) {
        Path file = stateFolder.resolve(FILE_NAME);
        boolean fileAsked = "file".equalsIgnoreCase(env.getOrDefault(SETTING, "").trim());
        if (!fileAsked) {
            try {
                return new TokenCacheStorage(keyring.open(stateFolder), "the system keyring");
            } catch (Throwable noKeyring) { // NOPMD: JNA reports a missing library as an Error
                // fall through to the file
            }
        }
        return new TokenCacheStorage(new TokenCacheFile(file), file + " (readable only by you"
                + (fileAsked ? ", as " + SETTING + "=file asks)" : ": no system keyring is available here)"));
    }

    private static ITokenCacheAccessAspect systemKeyring(Path stateFolder) throws Exception {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path lockFile = stateFolder.resolve("msal-token-cache.lock");
        PersistenceSettings.Builder settings = PersistenceSettings.builder("msal-token-cache.bin", stateFolder);
        if (os.contains("linux")) {
            new KeyRingAccessor(lockFile.toString(), "default", SCHEMA, LABEL, "service", "aml-debug", "version", "1").verify();
            settings.setLinuxKeyring("default", SCHEMA, LABEL, "service", "aml-debug", "version", "1");
        } else if (os.contains("mac")) {
            settings.setMacKeychain("aml-debug", "azure-sign-in");
        }
        return new PersistenceTokenCacheAccessAspect(settings.build());
    }
}

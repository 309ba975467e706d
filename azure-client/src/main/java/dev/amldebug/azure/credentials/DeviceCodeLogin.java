package dev.amldebug.azure.credentials;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.identity.AuthenticationRecord;
import com.azure.identity.DeviceCodeCredential;
import com.azure.identity.DeviceCodeCredentialBuilder;
import com.azure.identity.TokenCachePersistenceOptions;
import dev.amldebug.errors.AmlDebugException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * `aml-debug azure login`: the device code flow. MSAL keeps the tokens in its persistent cache (named
 * "aml-debug", under ~/.IdentityService; unencrypted where no keyring exists, as on a headless machine), and
 * the account's {@link AuthenticationRecord} is saved as ~/.aml-debug/azure-auth-record.json so that later
 * commands find the account in that cache without asking again.
 */
public final class DeviceCodeLogin {
    static final String CACHE_NAME = "aml-debug";
    static final String RECORD_FILE = "azure-auth-record.json";

    private final Path stateFolder;
    private final HttpClient transport;
    private final Consumer<String> printer;

    DeviceCodeLogin(Path stateFolder, HttpClient transport, Consumer<String> printer) {
        this.stateFolder = stateFolder;
        this.transport = transport;
        this.printer = printer;
    }

    /** Runs the flow (prints the code and the URL through the printer), saves the record, returns the account. */
    public String login(String scope) {
        DeviceCodeCredential credential = new DeviceCodeCredentialBuilder()
                .httpClient(transport)
                .tokenCachePersistenceOptions(cacheOptions())
                .challengeConsumer(info -> printer.accept(info.getMessage()))
                .build();
        AuthenticationRecord record = credential.authenticate(new TokenRequestContext().addScopes(scope)).block();
        if (record == null) {
            throw AmlDebugException.environment("The Azure sign-in did not finish: run `aml-debug azure login` again.", null);
        }
        save(record);
        return record.getUsername();
    }

    /** The credential of an earlier login, if there was one. */
    Optional<TokenCredential> saved() {
        Path file = stateFolder.resolve(RECORD_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            AuthenticationRecord record = AuthenticationRecord.deserialize(in);
            return Optional.of(new DeviceCodeCredentialBuilder()
                    .httpClient(transport)
                    .tokenCachePersistenceOptions(cacheOptions())
                    .authenticationRecord(record)
                    // Never start a new device flow in the middle of another command: it would wait for a person.
                    .disableAutomaticAuthentication()
                    .build());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private void save(AuthenticationRecord record) {
        Path file = stateFolder.resolve(RECORD_FILE);
        try {
            Files.createDirectories(stateFolder);
            try (OutputStream out = Files.newOutputStream(file)) {
                record.serialize(out);
            }
        } catch (IOException e) {
            throw AmlDebugException.environment("Cannot save the Azure sign-in to " + file
                    + ": check that the folder is writable, then run `aml-debug azure login` again.", e);
        }
    }

    private static TokenCachePersistenceOptions cacheOptions() {
        return new TokenCachePersistenceOptions().setName(CACHE_NAME).setUnencryptedStorageAllowed(true);
    }
}

package dev.amldebug.azure.credentials;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.aad.msal4j.DeviceCodeFlowParameters;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.PublicClientApplication;
import dev.amldebug.errors.AmlDebugException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * `aml-debug azure login`: the device code flow, on MSAL itself so that we choose where its tokens are kept
 * ({@link TokenCacheStorage}: the keyring, else a 0600 file). The account is recorded in ~/.aml-debug/{@value
 * #RECORD_FILE} so that later commands find it in that cache ({@link SavedLogin}) without asking again.
 */
public final class DeviceCodeLogin {
    static final String RECORD_FILE = "azure-auth-record.json";
    /** Azure CLI's public client, which azure-identity's device code credential uses too. */
    static final String CLIENT_ID = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
    static final String AUTHORITY_HOST = "AZURE_AUTHORITY_HOST";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path stateFolder;
    private final Map<String, String> env;
    private final HttpClient transport;
    private final Consumer<String> printer;

    DeviceCodeLogin(Path stateFolder, Map<String, String> env, HttpClient transport, Consumer<String> printer) {
        this.stateFolder = stateFolder;
        this.env = env;
        this.transport = transport;
        this.printer = printer;
    }

    /** Runs the flow (prints the code and the URL through the printer), saves the record, returns the account. */
    public String login(String scope) {
        TokenCacheStorage storage = TokenCacheStorage.choose(stateFolder, env);
        PublicClientApplication app = application(storage);
        IAuthenticationResult result;
        try {
            result = app.acquireToken(DeviceCodeFlowParameters.builder(Set.of(scope),
                    code -> printer.accept(code.message())).build()).join();
        } catch (CompletionException e) {
            throw AmlDebugException.environment("The Azure sign-in did not finish (" + rootMessage(e)
                    + "): run `aml-debug azure login` again.", e);
        }
        LoginRecord record = new LoginRecord(result.account().username(), result.account().homeAccountId(), authority());
        save(record);
        printer.accept("The sign-in is kept in " + storage.description() + ".");
        return record.username();
    }

    /** The credential of an earlier login, if there was one. */
    Optional<TokenCredential> saved() {
        Path file = stateFolder.resolve(RECORD_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            LoginRecord record = JSON.readValue(file.toFile(), LoginRecord.class);
            if (record.homeAccountId() == null) {
                return Optional.empty(); // a record of an older aml-debug: that sign-in is asked for again
            }
            return Optional.of(new SavedLogin(() -> application(TokenCacheStorage.choose(stateFolder, env)), record));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private PublicClientApplication application(TokenCacheStorage storage) {
        try {
            return PublicClientApplication.builder(CLIENT_ID)
                    .authority(authority())
                    // Known clouds need no discovery; a sovereign or test authority host is taken as given.
                    .instanceDiscovery(authorityHost().startsWith("https://login.microsoftonline.com"))
                    .httpClient(new MsalTransport(transport))
                    .setTokenCacheAccessAspect(storage.aspect())
                    .build();
        } catch (MalformedURLException e) {
            throw AmlDebugException.badInput(AUTHORITY_HOST + " is not a URL (" + authorityHost()
                    + "): set it to your cloud's sign-in address, such as https://login.microsoftonline.com.");
        }
    }

    private String authority() {
        String tenant = env.getOrDefault("AZURE_TENANT_ID", "").isBlank() ? "organizations" : env.get("AZURE_TENANT_ID").trim();
        return authorityHost() + "/" + tenant + "/";
    }

    private String authorityHost() {
        String host = env.getOrDefault(AUTHORITY_HOST, "");
        return (host.isBlank() ? "https://login.microsoftonline.com" : host.trim()).replaceAll("/+$", "");
    }

    private void save(LoginRecord record) {
        Path file = stateFolder.resolve(RECORD_FILE);
        try {
            Files.createDirectories(stateFolder);
            Files.deleteIfExists(file);
            TokenCacheFile.createPrivate(file);
            JSON.writeValue(file.toFile(), record);
        } catch (IOException e) {
            throw AmlDebugException.environment("Cannot save the Azure sign-in to " + file
                    + ": check that the folder is writable, then run `aml-debug azure login` again.", e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** Who signed in, and where: no token is in it. */
    record LoginRecord(String username, String homeAccountId, String authority) {
    }
}

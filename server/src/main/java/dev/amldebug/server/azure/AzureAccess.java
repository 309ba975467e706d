package dev.amldebug.server.azure;

import com.azure.core.credential.TokenCredential;
import dev.amldebug.azure.credentials.AzureCredentials;
import dev.amldebug.azure.config.AzureEndpoints;
import dev.amldebug.azure.AzureMlClient;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The process's way into Azure ML: one client, built on first use from the environment's
 * credential chain (service principal, Azure CLI, managed identity on Azure, a device-code
 * sign-in), or from a token an editor handed over. It never holds more than that token.
 */
public final class AzureAccess {
    private final Map<String, String> environment;
    private TokenCredential editorToken;
    private AzureMlClient client;
    private String account;

    public AzureAccess(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public Map<String, String> environment() {
        return environment;
    }

    public synchronized AzureMlClient client() {
        if (client == null) {
            TokenCredential credential = editorToken != null ? editorToken : AzureCredentials.chain(environment);
            client = AzureMlClient.builder().credential(credential)
                    .endpoints(AzureEndpoints.fromEnvironment(environment)).environment(environment).build();
        }
        return client;
    }

    /** Uses a token from the editor's own Microsoft sign-in from now on. */
    public synchronized void useToken(String token, OffsetDateTime expiresOn) {
        editorToken = AzureCredentials.ofToken(token, expiresOn);
        client = null;
        account = null;
    }

    /**
     * Who we are signed in as: asks the credential chain for a token once, and remembers the
     * answer. Throws the chain's sentence when no credential works.
     */
    public synchronized String signIn() {
        if (account == null) {
            account = client().signedInAs();
        }
        return account;
    }

    public synchronized boolean signedIn() {
        return account != null;
    }

    /** Forgets the sign-in, so the next call asks the chain again (after `az login`, say). */
    public synchronized void forget() {
        client = null;
        account = null;
    }
}

package dev.amldebug.server.azure;

import com.azure.core.credential.TokenCredential;
import dev.amldebug.azure.AzureMlClient;
import dev.amldebug.azure.Tenant;
import dev.amldebug.azure.WorkspaceClient;
import dev.amldebug.azure.config.AzureEndpoints;
import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.azure.credentials.AzureCredentials;
import dev.amldebug.azure.credentials.TokenClaims;
import dev.amldebug.errors.AmlDebugException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The process's way into Azure ML: a client built on first use from the environment's credential chain (service
 * principal, Azure CLI, managed identity on Azure, a device-code sign-in), or the tokens an editor handed over, one per
 * tenant, each used for the subscriptions of its tenant. It never holds more than those tokens.
 */
public final class AzureAccess {
    private final Map<String, String> environment;
    private TenantClients editorTenants;
    private AzureMlClient client;
    private String account;
    private WorkspaceId defaultWorkspace;

    public AzureAccess(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public Map<String, String> environment() {
        return environment;
    }

    /** The client of the credential chain, or of the editor's first (home) tenant. */
    public synchronized AzureMlClient client() {
        if (editorTenants != null) {
            return editorTenants.first();
        }
        if (client == null) {
            client = clientWith(AzureCredentials.chain(environment));
        }
        return client;
    }

    /** The client whose token the subscription accepts: its tenant's, with the editor's sign-in. */
    public AzureMlClient client(String subscriptionId) {
        TenantClients tenants;
        synchronized (this) {
            tenants = editorTenants;
        }
        return tenants == null ? client() : tenants.forSubscription(subscriptionId);
    }

    public WorkspaceClient workspaceClient(WorkspaceId id) {
        return client(id.subscriptionId()).workspaceClient(id);
    }

    /** A page of the subscriptions of every tenant signed in to. */
    public SubscriptionsPage subscriptions(String page) {
        TenantClients tenants;
        synchronized (this) {
            tenants = editorTenants;
        }
        if (tenants != null) {
            return tenants.subscriptions(page);
        }
        var subscriptions = client().subscriptions(page);
        return new SubscriptionsPage(subscriptions.items(), Map.of(), subscriptions.nextLink(), List.of());
    }

    /** The tenants the account of {@code token} can use; the token is used for this one call and not kept. */
    public List<Tenant> tenants(String token) {
        return clientWith(AzureCredentials.ofToken(token, OffsetDateTime.now().plusMinutes(5))).tenants();
    }

    /** Uses a token from the editor's own Microsoft sign-in from now on. */
    public void useToken(String token, OffsetDateTime expiresOn) {
        useTokens(List.of(new TenantToken(null, token, expiresOn.toString(), null)));
    }

    /** Uses the editor's tokens, one per tenant (the home tenant first), from now on. */
    public synchronized void useTokens(List<TenantToken> tokens) {
        LinkedHashMap<String, AzureMlClient> clients = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (TenantToken token : tokens) {
            if (token.token() == null || token.token().isBlank()) {
                throw AmlDebugException.badInput("Each of signIn's tokens needs token: an access token for Azure Resource Manager.");
            }
            String tenant = Optional.ofNullable(token.tenantId()).or(() -> TokenClaims.tenant(token.token())).orElse("home");
            OffsetDateTime expiresOn = token.expiresOn() == null ? OffsetDateTime.now().plusHours(1) : OffsetDateTime.parse(token.expiresOn());
            clients.putIfAbsent(tenant, clientWith(AzureCredentials.ofToken(token.token(), expiresOn)));
            if (token.tenantName() != null) {
                names.put(tenant, token.tenantName());
            }
        }
        editorTenants = new TenantClients(clients, names);
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
        editorTenants = null;
        client = null;
        account = null;
    }

    /** The editor's default workspace (the Azure ML extension's azureML.defaultWorkspaceId), or empty. */
    public synchronized Optional<WorkspaceId> defaultWorkspace() {
        return Optional.ofNullable(defaultWorkspace);
    }

    public synchronized void defaultWorkspace(WorkspaceId workspace) {
        defaultWorkspace = workspace;
    }

    private AzureMlClient clientWith(TokenCredential credential) {
        return AzureMlClient.builder().credential(credential)
                .endpoints(AzureEndpoints.fromEnvironment(environment)).environment(environment).build();
    }
}

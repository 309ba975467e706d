package dev.amldebug.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import dev.amldebug.azure.config.AzureEndpoints;
import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.azure.credentials.TokenClaims;
import dev.amldebug.azure.http.AzureErrors;
import dev.amldebug.azure.http.HttpSettings;
import dev.amldebug.azure.http.JdkHttpTransport;
import dev.amldebug.azure.http.Rest;
import dev.amldebug.azure.http.What;
import dev.amldebug.errors.AmlDebugException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Azure ML through Resource Manager: subscriptions, workspaces, and a {@link WorkspaceClient} for one. */
public final class AzureMlClient {
    static final String ML_API = "api-version=2024-10-01";
    static final String SUBSCRIPTIONS_API = "api-version=2022-12-01";

    private final AzureEndpoints endpoints;
    private final TokenCredential credential;
    private final HttpClient transport;
    private final Rest arm;
    private final Rest plain;
    private final ArmLists lists;

    private AzureMlClient(AzureEndpoints endpoints, TokenCredential credential, HttpClient transport) {
        this.endpoints = endpoints;
        this.credential = credential;
        this.transport = transport;
        this.arm = new Rest(Pipelines.authenticated(transport, credential, endpoints.scope()), null);
        this.plain = new Rest(Pipelines.plain(transport), null);
        this.lists = new ArmLists(arm, endpoints.resourceManager());
    }

    public static Builder builder() {
        return new Builder();
    }

    public AzureEndpoints endpoints() {
        return endpoints;
    }

    public Page<Subscription> subscriptions(String pageLink) {
        return lists.page(endpoints.resolve("/subscriptions?" + SUBSCRIPTIONS_API), pageLink, ArmMapping::subscription,
                What.of("your subscriptions", "`az account list`"));
    }

    /** Every tenant the signed-in account can use (Tenants_List), whichever tenant the token is for. */
    public List<Tenant> tenants() {
        List<Tenant> tenants = new ArrayList<>();
        String link = null;
        do {
            Page<Tenant> page = lists.page(endpoints.resolve("/tenants?" + SUBSCRIPTIONS_API), link, ArmMapping::tenant,
                    What.of("your tenants", "`az account tenant list`"));
            tenants.addAll(page.items());
            link = page.nextLink();
        } while (link != null);
        return tenants;
    }

    public Page<Workspace> workspaces(String subscriptionId, String pageLink) {
        URI first = endpoints.resolve("/subscriptions/" + subscriptionId
                + "/providers/Microsoft.MachineLearningServices/workspaces?" + ML_API);
        return lists.page(first, pageLink, ArmMapping::workspace,
                What.of("subscription " + subscriptionId, "`aml-debug azure workspaces`"));
    }

    public Workspace workspace(WorkspaceId id) {
        return ArmMapping.workspace(arm.get(endpoints.resolve(id.armId() + "?" + ML_API), workspaceWhat(id)));
    }

    public WorkspaceClient workspaceClient(WorkspaceId id) {
        return new WorkspaceClient(id, this);
    }

    /** The account the credential signs in as (from the token's claims); never the token. */
    public String signedInAs() {
        String token;
        try {
            token = credential.getTokenSync(new TokenRequestContext().addScopes(endpoints.scope())).getToken();
        } catch (RuntimeException e) {
            throw AmlDebugException.environment(AzureErrors.NOT_SIGNED_IN, null);
        }
        return TokenClaims.account(token).orElse("a signed-in identity");
    }

    static What workspaceWhat(WorkspaceId id) {
        return What.of("workspace " + id.workspaceName() + " in resource group " + id.resourceGroup(),
                "`aml-debug azure workspaces`");
    }

    Rest arm() {
        return arm;
    }

    Rest plain() {
        return plain;
    }

    ArmLists lists() {
        return lists;
    }

    HttpClient transport() {
        return transport;
    }

    public static final class Builder {
        private TokenCredential credential;
        private AzureEndpoints endpoints;
        private Path caBundle;
        private Map<String, String> environment = Map.of();

        public Builder credential(TokenCredential credential) {
            this.credential = credential;
            return this;
        }

        public Builder endpoints(AzureEndpoints endpoints) {
            this.endpoints = endpoints;
            return this;
        }

        /** A PEM file added to the trusted roots; overrides AML_DEBUG_CA_BUNDLE. */
        public Builder caBundle(Path caBundle) {
            this.caBundle = caBundle;
            return this;
        }

        /** HTTPS_PROXY, NO_PROXY, AML_DEBUG_CA_BUNDLE (and AML_DEBUG_ARM_ENDPOINT when no endpoints are given). */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        public AzureMlClient build() {
            Objects.requireNonNull(credential, "credential");
            AzureEndpoints resolved = endpoints != null ? endpoints : AzureEndpoints.fromEnvironment(environment);
            Path bundle = caBundle != null ? caBundle : HttpSettings.caBundle(environment);
            return new AzureMlClient(resolved, credential, JdkHttpTransport.create(environment, bundle));
        }
    }
}

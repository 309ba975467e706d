package dev.amldebug.azurefake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.azurefake.http.Json;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The account's tenants: its home tenant, which owns every subscription unless told otherwise, and a tenant it is a guest
 * in, with a subscription of its own. Shaped as Resource Manager's Tenants_List (2022-12-01, TenantIdDescription).
 */
final class Tenants {
    static final String GUEST_SUBSCRIPTION_ID = "99999999-8888-7777-6666-555555555555";
    static final String GUEST_RESOURCE_GROUP = "guest-rg";
    static final String GUEST_WORKSPACE = "guest-ws";

    private final Map<String, String> tenantOfSubscription = new ConcurrentHashMap<>();

    void assign(String subscriptionId, String tenantId) {
        tenantOfSubscription.put(subscriptionId.toLowerCase(), tenantId);
    }

    String tenantOf(String subscriptionId) {
        return tenantOfSubscription.getOrDefault(subscriptionId.toLowerCase(), FakeToken.TENANT_ID);
    }

    /** GET /tenants: every tenant of the account, whichever tenant's token asks. */
    List<ObjectNode> list() {
        return List.of(tenant(FakeToken.TENANT_ID, "Contoso", "contoso.example", "Home"),
                tenant(FakeToken.GUEST_TENANT_ID, "Fabrikam (guest)", "fabrikam.example", "ProjectedBy"));
    }

    private static ObjectNode tenant(String id, String name, String domain, String category) {
        ObjectNode tenant = Json.object().put("id", "/tenants/" + id).put("tenantId", id).put("countryCode", "US")
                .put("displayName", name).put("tenantCategory", category).put("defaultDomain", domain).put("tenantType", "AAD");
        tenant.putArray("domains").add(domain);
        return tenant;
    }
}

package dev.amldebug.azurefake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.azurefake.http.Call;
import dev.amldebug.azurefake.http.Json;
import dev.amldebug.azurefake.http.Response;
import java.util.List;

/**
 * GET /tenants (every tenant of the account) and GET /subscriptions (those of the token's tenant only, as Resource
 * Manager answers: a guest tenant's subscriptions need a token of that tenant).
 */
final class TenantsApi {
    private final Tenants tenants;
    private final FakeTokens tokens;
    private final Workspaces workspaces;

    TenantsApi(Tenants tenants, FakeTokens tokens, Workspaces workspaces) {
        this.tenants = tenants;
        this.tokens = tokens;
        this.workspaces = workspaces;
    }

    Response tenants(Call call) {
        ObjectNode body = Json.object();
        tenants.list().forEach(body.putArray("value")::add);
        return Response.ok(body);
    }

    List<ObjectNode> subscriptions(Call call) {
        String tenant = tokens.tenantOf(call);
        return workspaces.all().stream().map(ws -> ws.subscriptionId).distinct()
                .filter(id -> tenants.tenantOf(id).equals(tenant)).map(id -> {
                    ObjectNode s = Json.object().put("id", "/subscriptions/" + id).put("subscriptionId", id).put("tenantId", tenant)
                            .put("displayName", "Fake subscription " + id.substring(0, 8)).put("state", "Enabled")
                            .put("authorizationSource", "RoleBased");
                    s.putObject("subscriptionPolicies").put("locationPlacementId", "Public_2014-09-01").put("quotaId", "PayAsYouGo_2014-09-01")
                            .put("spendingLimit", "Off");
                    return s;
                }).toList();
    }
}

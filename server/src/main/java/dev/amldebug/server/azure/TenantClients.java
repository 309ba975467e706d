package dev.amldebug.server.azure;

import dev.amldebug.azure.AzureMlClient;
import dev.amldebug.azure.Page;
import dev.amldebug.azure.Subscription;
import dev.amldebug.errors.AmlDebugException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A client per tenant, each with that tenant's token, as VS Code's Microsoft sign-in gives one token per tenant: the
 * subscriptions of every tenant, and for a subscription the client of its tenant (Resource Manager refuses another
 * tenant's token with InvalidAuthenticationTokenTenant).
 */
final class TenantClients {
    /** A page token: the tenant's index, a space, and that tenant's ARM nextLink (empty for its first page). */
    private static final String SEPARATOR = " ";

    private final List<String> tenants;
    private final Map<String, AzureMlClient> clients;
    private final Map<String, String> names;
    private final Map<String, String> tenantOfSubscription = new ConcurrentHashMap<>();

    /** @param clients by tenant id, the home tenant first; names: by tenant id, how a person knows it */
    TenantClients(LinkedHashMap<String, AzureMlClient> clients, Map<String, String> names) {
        if (clients.isEmpty()) {
            throw new IllegalArgumentException("at least one tenant");
        }
        this.tenants = List.copyOf(clients.keySet());
        this.clients = Map.copyOf(clients);
        this.names = Map.copyOf(names);
    }

    AzureMlClient first() {
        return clients.get(tenants.get(0));
    }

    /** One page: a tenant's list goes on into the next tenant's in the same page; a tenant that fails becomes a sentence. */
    SubscriptionsPage subscriptions(String pageToken) {
        int tenant = pageToken == null ? 0 : Integer.parseInt(pageToken.substring(0, pageToken.indexOf(SEPARATOR)));
        String link = pageToken == null ? null : pageToken.substring(pageToken.indexOf(SEPARATOR) + 1);
        List<Subscription> items = new ArrayList<>();
        Map<String, String> tenantNames = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (; tenant < tenants.size(); tenant++, link = null) {
            String id = tenants.get(tenant);
            try {
                Page<Subscription> page = clients.get(id).subscriptions(link == null || link.isEmpty() ? null : link);
                for (Subscription subscription : page.items()) {
                    tenantOfSubscription.put(key(subscription.subscriptionId()), id);
                    items.add(subscription);
                    if (tenants.size() > 1) {
                        tenantNames.put(subscription.subscriptionId(), name(id));
                    }
                }
                if (page.nextLink() != null) {
                    return new SubscriptionsPage(items, tenantNames, tenant + SEPARATOR + page.nextLink(), problems);
                }
            } catch (AmlDebugException e) {
                problems.add("Tenant " + name(id) + ": " + e.getMessage());
            }
        }
        return new SubscriptionsPage(items, tenantNames, null, problems);
    }

    /**
     * The client of the subscription's tenant. A subscription not listed yet is looked up in every tenant; one that no
     * tenant lists gets the home tenant's client, whose call then says which tenant to sign in to.
     */
    AzureMlClient forSubscription(String subscriptionId) {
        if (tenants.size() == 1) {
            return first();
        }
        String tenant = tenantOfSubscription.get(key(subscriptionId));
        if (tenant == null) {
            String page = null;
            do {
                page = subscriptions(page).nextPage();
            } while (page != null && !tenantOfSubscription.containsKey(key(subscriptionId)));
            tenant = tenantOfSubscription.getOrDefault(key(subscriptionId), tenants.get(0));
        }
        return clients.get(tenant);
    }

    private String name(String tenantId) {
        return names.getOrDefault(tenantId, tenantId);
    }

    private static String key(String subscriptionId) {
        return subscriptionId.toLowerCase();
    }
}

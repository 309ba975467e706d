package dev.amldebug.server.azure;

import dev.amldebug.azure.Subscription;
import java.util.List;
import java.util.Map;

/**
 * A page of the subscriptions of every tenant signed in to.
 *
 * @param tenantNames by subscription id, the name of its tenant when more than one tenant is signed in to, else empty
 * @param problems    a sentence per tenant whose list failed: the other tenants' subscriptions still show
 */
public record SubscriptionsPage(List<Subscription> items, Map<String, String> tenantNames, String nextPage, List<String> problems) {
}

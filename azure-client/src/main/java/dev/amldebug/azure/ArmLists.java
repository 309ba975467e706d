package dev.amldebug.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.amldebug.azure.http.Rest;
import dev.amldebug.azure.http.What;
import dev.amldebug.errors.AmlDebugException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** ARM lists: {@code {value: [...], nextLink}}, where nextLink is an absolute URL on the same host. */
final class ArmLists {
    private final Rest rest;
    private final URI armEndpoint;

    ArmLists(Rest rest, URI armEndpoint) {
        this.rest = rest;
        this.armEndpoint = armEndpoint;
    }

    <T> Page<T> page(URI first, String pageLink, Function<JsonNode, T> mapping, What what) {
        JsonNode body = rest.get(pageLink == null ? first : sameHost(pageLink), what);
        List<T> items = new ArrayList<>();
        for (JsonNode item : body.path("value")) {
            items.add(mapping.apply(item));
        }
        String next = Json.text(body, "nextLink");
        return new Page<>(items, next == null || next.isEmpty() ? null : next);
    }

    /** Our token goes only to the Resource Manager host, whatever a page link says. */
    private URI sameHost(String pageLink) {
        URI uri;
        try {
            uri = URI.create(pageLink);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || !"https".equalsIgnoreCase(uri.getScheme())
                || !armEndpoint.getAuthority().equalsIgnoreCase(uri.getAuthority())) {
            throw AmlDebugException.badInput("The page link is not a " + armEndpoint + " URL: start the list again"
                    + " from its first page.");
        }
        return uri;
    }
}

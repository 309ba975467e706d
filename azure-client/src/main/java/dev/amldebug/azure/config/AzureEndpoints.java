package dev.amldebug.azure.config;

import dev.amldebug.errors.AmlDebugException;
import java.net.URI;
import java.util.Map;

/** Where Azure Resource Manager is, and the token scope for it (sovereign clouds and tests change both). */
public record AzureEndpoints(URI resourceManager, String scope) {
    public static final String ARM_ENDPOINT = "AML_DEBUG_ARM_ENDPOINT";
    public static final String ARM_SCOPE = "AML_DEBUG_ARM_SCOPE";
    public static final URI PUBLIC_CLOUD = URI.create("https://management.azure.com");

    public AzureEndpoints {
        resourceManager = withoutTrailingSlash(resourceManager);
    }

    public static AzureEndpoints publicCloud() {
        return of(PUBLIC_CLOUD);
    }

    public static AzureEndpoints of(URI resourceManager) {
        return new AzureEndpoints(resourceManager, withoutTrailingSlash(resourceManager) + "/.default");
    }

    public static AzureEndpoints fromEnvironment(Map<String, String> env) {
        String arm = env.get(ARM_ENDPOINT);
        URI endpoint = PUBLIC_CLOUD;
        if (arm != null && !arm.isBlank()) {
            endpoint = URI.create(arm.trim());
            if (!"https".equalsIgnoreCase(endpoint.getScheme()) || endpoint.getHost() == null) {
                throw AmlDebugException.badInput(ARM_ENDPOINT + " is '" + arm + "': set it to an https URL such as "
                        + PUBLIC_CLOUD + ".");
            }
        }
        String scope = env.get(ARM_SCOPE);
        if (scope == null || scope.isBlank()) {
            return of(endpoint);
        }
        return new AzureEndpoints(endpoint, scope.trim());
    }

    /** {@code path} starts with '/'; it may carry a query. */
    public URI resolve(String path) {
        return URI.create(resourceManager + path);
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }
}

package dev.amldebug.azure.config;

import dev.amldebug.errors.AmlDebugException;
import java.net.URI;
import java.util.Map;

/**
 * Where Azure Resource Manager is, and the token scope for it (sovereign clouds and tests change both); and, where
 * set, the blob service that stands in for every storage account ({@code storage}: an account's blobs are then at
 * {@code storage/ACCOUNT}, as in an emulator; null: at {@code https://ACCOUNT.blob.SUFFIX}, as in Azure).
 */
public record AzureEndpoints(URI resourceManager, String scope, URI storage) {
    public static final String ARM_ENDPOINT = "AML_DEBUG_ARM_ENDPOINT";
    public static final String ARM_SCOPE = "AML_DEBUG_ARM_SCOPE";
    public static final String STORAGE_ENDPOINT = "AML_DEBUG_STORAGE_ENDPOINT";
    public static final URI PUBLIC_CLOUD = URI.create("https://management.azure.com");

    public AzureEndpoints {
        resourceManager = withoutTrailingSlash(resourceManager);
        storage = storage == null ? null : withoutTrailingSlash(storage);
    }

    public AzureEndpoints(URI resourceManager, String scope) {
        this(resourceManager, scope, null);
    }

    public AzureEndpoints withStorage(URI blobService) {
        return new AzureEndpoints(resourceManager, scope, blobService);
    }

    /** A storage account's blob service: {@code https://ACCOUNT.blob.SUFFIX}, or the stand-in's {@code storage/ACCOUNT}. */
    public String blobService(String account, String suffix) {
        return storage != null ? storage + "/" + account : "https://" + account + ".blob." + suffix;
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
        AzureEndpoints endpoints = scope == null || scope.isBlank() ? of(endpoint) : new AzureEndpoints(endpoint, scope.trim());
        String storage = env.get(STORAGE_ENDPOINT);
        return storage == null || storage.isBlank() ? endpoints : endpoints.withStorage(URI.create(storage.trim()));
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

package dev.amldebug.server.azure;

/**
 * A token the editor got from its Microsoft sign-in for one tenant. tenantId may be null (then the token's tid claim
 * says it), expiresOn (ISO-8601) too (then an hour from now), tenantName too. Never printed: toString hides the token.
 */
public record TenantToken(String tenantId, String token, String expiresOn, String tenantName) {
    @Override
    public String toString() {
        return "TenantToken[tenantId=" + tenantId + ", tenantName=" + tenantName + "]";
    }
}

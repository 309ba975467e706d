package dev.amldebug.azure;

/** A Microsoft Entra tenant the account can use; displayName and defaultDomain may be null. */
public record Tenant(String tenantId, String displayName, String defaultDomain) {
    /** How a person knows it: its name, else its domain, else its id. */
    public String label() {
        return displayName != null && !displayName.isBlank() ? displayName : defaultDomain != null ? defaultDomain : tenantId;
    }
}

package dev.amldebug.azure.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.Optional;
import java.io.IOException;

/** Who a token is for, read from its JWT claims; the token itself goes nowhere. */
public final class TokenClaims {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenClaims() {
    }

    /** upn, then unique_name, preferred_username, appid (a service principal), oid; empty for an opaque token. */
    public static Optional<String> account(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            for (String claim : new String[] {"upn", "unique_name", "preferred_username", "appid", "oid"}) {
                String value = claims.path(claim).asText("");
                if (!value.isEmpty()) {
                    return Optional.of("appid".equals(claim) ? "application " + value : value);
                }
            }
            return Optional.empty();
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }
}

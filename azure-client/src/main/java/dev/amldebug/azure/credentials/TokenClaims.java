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

    /** The tenant a token is for (its tid claim); empty for an opaque token. */
    public static Optional<String> tenant(String token) {
        return claims(token).map(claims -> claims.path("tid").asText("")).filter(tid -> !tid.isEmpty());
    }

    /** upn, then unique_name, preferred_username, appid (a service principal), oid; empty for an opaque token. */
    public static Optional<String> account(String token) {
        return claims(token).flatMap(claims -> {
            for (String claim : new String[] {"upn", "unique_name", "preferred_username", "appid", "oid"}) {
                String value = claims.path(claim).asText("");
                if (!value.isEmpty()) {
                    return Optional.of("appid".equals(claim) ? "application " + value : value);
                }
            }
            return Optional.empty();
        });
    }

    private static Optional<JsonNode> claims(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(Base64.getUrlDecoder().decode(parts[1])));
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }
}

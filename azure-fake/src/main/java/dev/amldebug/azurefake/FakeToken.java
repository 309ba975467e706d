package dev.amldebug.azurefake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.azurefake.http.Json;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/**
 * A bearer token shaped like Entra ID's (a JWT with upn, oid, tid, appid, exp), so a client can read who is signed in.
 * Its signature is random: only the fake checks it, by comparing the whole string.
 */
public record FakeToken(String value, Instant expiresOn, String tenantId) {
    public static final String UPN = "dev@contoso.example";
    public static final String OBJECT_ID = "7f3c1f7e-5d0a-4b5e-9a55-6c1e2f000001";
    public static final String TENANT_ID = "72f988bf-0000-4000-8000-0000000000aa";
    /** A tenant the same account is a guest in, with a subscription of its own. */
    public static final String GUEST_TENANT_ID = "5c3a9f1e-0000-4000-8000-0000000000bb";
    public static final String APP_ID = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";

    public static FakeToken issue(Instant expiresOn) {
        return issue(expiresOn, TENANT_ID);
    }

    /** A token for {@code tenantId}: its issuer and tid name that tenant, as Entra's tokens for a tenant do. */
    public static FakeToken issue(Instant expiresOn, String tenantId) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        ObjectNode header = Json.object().put("typ", "JWT").put("alg", "RS256").put("kid", "fake");
        ObjectNode claims = Json.object()
                .put("aud", "https://management.azure.com")
                .put("iss", "https://sts.windows.net/" + tenantId + "/")
                .put("iat", Instant.now().getEpochSecond())
                .put("nbf", Instant.now().getEpochSecond() - 60)
                .put("exp", expiresOn.getEpochSecond())
                .put("upn", UPN)
                .put("unique_name", UPN)
                .put("oid", OBJECT_ID)
                .put("tid", tenantId)
                .put("appid", APP_ID);
        byte[] signature = new byte[64];
        new SecureRandom().nextBytes(signature);
        String value = b64.encodeToString(Json.bytes(header)) + "." + b64.encodeToString(Json.bytes(claims)) + "." + b64.encodeToString(signature);
        return new FakeToken(value, expiresOn, tenantId);
    }

    @Override
    public String toString() {
        return "FakeToken[tenantId=" + tenantId + ", expiresOn=" + expiresOn + "]";
    }
}

package dev.amldebug.azurefake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.azurefake.http.Call;
import dev.amldebug.azurefake.http.Json;
import dev.amldebug.azurefake.http.Response;
import dev.amldebug.azurefake.http.Router;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Entra ID's device code flow (v2.0 endpoints, no auth), as `aml-debug azure login` meets it with
 * AZURE_AUTHORITY_HOST set to the fake: POST /{tenant}/oauth2/v2.0/devicecode, then POST /{tenant}/oauth2/v2.0/token,
 * which answers {@code authorization_pending} once per device code (the person has not entered it yet), then the
 * tokens (the fake's access token, a refresh token, an id token and client_info, shaped as Entra's); a refresh
 * token grant answers new tokens. Shapes from the Microsoft identity platform's device code and token documentation;
 * no recording of these exists in shared/fixtures.
 */
final class EntraApi {
    static final String PATH_PATTERN = "/[^/]+/oauth2/v2\\.0/(devicecode|token)";
    private final FakeAzureMl fake;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();

    EntraApi(FakeAzureMl fake) {
        this.fake = fake;
    }

    void register(Router router) {
        router.add("POST", "/{tenant}/oauth2/v2.0/devicecode", c -> {
            String deviceCode = UUID.randomUUID().toString();
            pending.add(deviceCode);
            String userCode = "FAKE" + deviceCode.substring(0, 4).toUpperCase();
            return Response.ok(Json.object().put("user_code", userCode).put("device_code", deviceCode)
                    .put("verification_uri", "https://microsoft.com/devicelogin").put("expires_in", 900).put("interval", 1)
                    .put("message", "To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code "
                            + userCode + " to authenticate."));
        }).add("POST", "/{tenant}/oauth2/v2.0/token", c -> {
            Map<String, String> form = form(c);
            String grant = form.getOrDefault("grant_type", "");
            if (grant.endsWith("device_code")) {
                String deviceCode = form.getOrDefault("device_code", "");
                if (pending.remove(deviceCode)) {
                    return error("authorization_pending", "AADSTS70016: OAuth 2.0 device flow error. Authorization is pending.");
                }
            } else if (!grant.equals("refresh_token") || !refreshTokens.contains(form.getOrDefault("refresh_token", ""))) {
                return error("invalid_grant", "AADSTS70000: The provided grant is invalid or malformed.");
            }
            return Response.ok(tokens(form.getOrDefault("client_id", ""), form.getOrDefault("scope", "")));
        });
    }

    private ObjectNode tokens(String clientId, String scope) {
        String refresh = UUID.randomUUID().toString();
        refreshTokens.add(refresh);
        long now = Instant.now().getEpochSecond();
        long expiresIn = Math.max(60, fake.tokenExpiresOn().getEpochSecond() - now);
        ObjectNode claims = Json.object().put("aud", clientId)
                .put("iss", "https://login.microsoftonline.com/" + FakeToken.TENANT_ID + "/v2.0");
        claims.put("iat", now).put("nbf", now).put("exp", now + 3600);
        claims.put("name", "Dev")
                .put("oid", FakeToken.OBJECT_ID).put("preferred_username", FakeToken.UPN).put("sub", FakeToken.OBJECT_ID)
                .put("tid", FakeToken.TENANT_ID).put("ver", "2.0");
        ObjectNode clientInfo = Json.object().put("uid", FakeToken.OBJECT_ID).put("utid", FakeToken.TENANT_ID);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String idToken = b64.encodeToString(Json.bytes(Json.object().put("typ", "JWT").put("alg", "RS256").put("kid", "fake")))
                + "." + b64.encodeToString(Json.bytes(claims)) + "." + b64.encodeToString(new byte[32]);
        return Json.object().put("token_type", "Bearer").put("scope", scope).put("expires_in", expiresIn)
                .put("ext_expires_in", expiresIn).put("access_token", fake.token()).put("refresh_token", refresh)
                .put("id_token", idToken).put("client_info", b64.encodeToString(Json.bytes(clientInfo)));
    }

    private static Response error(String code, String description) {
        ObjectNode body = Json.object().put("error", code).put("error_description", description);
        body.putArray("error_codes").add(code.equals("authorization_pending") ? 70016 : 70000);
        body.put("timestamp", Instant.now().toString()).put("trace_id", UUID.randomUUID().toString())
                .put("correlation_id", UUID.randomUUID().toString());
        return Response.json(400, body);
    }

    private static Map<String, String> form(Call call) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : new String(call.body(), StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}

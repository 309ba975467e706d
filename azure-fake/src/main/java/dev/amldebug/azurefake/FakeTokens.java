package dev.amldebug.azurefake;

import dev.amldebug.azurefake.http.ArmError;
import dev.amldebug.azurefake.http.Call;
import dev.amldebug.azurefake.http.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fake's bearer tokens: a valid one for the home tenant, one for the guest tenant, an expired one; and the check of a
 * call's Authorization header, which binds a token to its tenant as Resource Manager does.
 */
final class FakeTokens {
    private static final Pattern SUBSCRIPTION = Pattern.compile("/subscriptions/([^/]+)");
    private final FakeToken valid = FakeToken.issue(Instant.now().plus(Duration.ofHours(2)));
    private final FakeToken guest = FakeToken.issue(Instant.now().plus(Duration.ofHours(2)), FakeToken.GUEST_TENANT_ID);
    private final FakeToken expired = FakeToken.issue(Instant.now().minus(Duration.ofHours(1)));
    private final Tenants tenants;

    FakeTokens(Tenants tenants) {
        this.tenants = tenants;
    }

    FakeToken valid() {
        return valid;
    }

    FakeToken guest() {
        return guest;
    }

    FakeToken expired() {
        return expired;
    }

    /** The tenant of the call's token: the valid token's or the guest's. */
    String tenantOf(Call call) {
        return presented(call).equals(guest.value()) ? guest.tenantId() : valid.tenantId();
    }

    /** The 401 answer for a call without a valid token, or with a token of another tenant than its subscription's; empty when it may pass. */
    Optional<Response> refusal(Call call) {
        String header = call.header("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return Optional.of(new ArmError(401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.").response());
        }
        String presented = presented(call);
        if (presented.equals(expired.value())) {
            return Optional.of(new ArmError(401, "ExpiredAuthenticationToken", "The access token expiry UTC time '" + expired.expiresOn()
                    + "' is earlier than current UTC time '" + Instant.now() + "'.").response());
        }
        if (!presented.equals(valid.value()) && !presented.equals(guest.value())) {
            return Optional.of(new ArmError(401, "InvalidAuthenticationToken", "The access token is invalid.").response());
        }
        Matcher subscription = SUBSCRIPTION.matcher(call.path());
        if (subscription.find()) {
            String owner = tenants.tenantOf(subscription.group(1));
            String issuer = tenantOf(call);
            if (!owner.equals(issuer)) {
                return Optional.of(wrongTenant(issuer, owner));
            }
        }
        return Optional.empty();
    }

    /** Resource Manager's answer to a token of another tenant than the subscription's (its message, word for word). */
    private static Response wrongTenant(String issuer, String owner) {
        return new ArmError(401, "InvalidAuthenticationTokenTenant", "The access token is from the wrong issuer 'https://sts.windows.net/"
                + issuer + "/'. It must match the tenant 'https://sts.windows.net/" + owner + "/' associated with this subscription."
                + " Please use the authority (URL) 'https://login.windows.net/" + owner + "' to get the token. Note, if the subscription"
                + " is transferred to another tenant there is no impact to the services, but information about new tenant could take"
                + " time to propagate (up to an hour). If you just transferred your subscription and see this error message, please"
                + " try back later.").response()
                .header("WWW-Authenticate", "Bearer authorization_uri=\"https://login.windows.net/" + owner
                        + "\", error=\"invalid_token\", error_description=\"The access token is from the wrong issuer.\"");
    }

    private static String presented(Call call) {
        String header = call.header("Authorization");
        return header == null ? "" : header.substring(Math.min(header.length(), "Bearer ".length())).trim();
    }
}

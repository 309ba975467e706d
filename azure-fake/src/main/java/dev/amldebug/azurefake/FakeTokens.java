package dev.amldebug.azurefake;

import dev.amldebug.azurefake.http.ArmError;
import dev.amldebug.azurefake.http.Call;
import dev.amldebug.azurefake.http.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The fake's two bearer tokens, a valid one and an expired one, and the check of a call's Authorization header. */
final class FakeTokens {
    private final FakeToken valid = FakeToken.issue(Instant.now().plus(Duration.ofHours(2)));
    private final FakeToken expired = FakeToken.issue(Instant.now().minus(Duration.ofHours(1)));

    FakeToken valid() {
        return valid;
    }

    FakeToken expired() {
        return expired;
    }

    /** The 401 answer for a call without the valid token, or empty when it has it. */
    Optional<Response> refusal(Call call) {
        String header = call.header("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return Optional.of(new ArmError(401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.").response());
        }
        String presented = header.substring("Bearer ".length()).trim();
        if (presented.equals(expired.value())) {
            return Optional.of(new ArmError(401, "ExpiredAuthenticationToken", "The access token expiry UTC time '" + expired.expiresOn()
                    + "' is earlier than current UTC time '" + Instant.now() + "'.").response());
        }
        if (!presented.equals(valid.value())) {
            return Optional.of(new ArmError(401, "InvalidAuthenticationToken", "The access token is invalid.").response());
        }
        return Optional.empty();
    }
}

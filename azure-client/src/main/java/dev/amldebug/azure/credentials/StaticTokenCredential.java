package dev.amldebug.azure.credentials;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.time.OffsetDateTime;
import reactor.core.publisher.Mono;

/** A token someone else got (VS Code's Microsoft sign-in). When it expires, Azure's 401 says so. */
final class StaticTokenCredential implements TokenCredential {
    private final AccessToken token;

    StaticTokenCredential(String token, OffsetDateTime expiresOn) {
        this.token = new AccessToken(token, expiresOn);
    }

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
        return Mono.just(token);
    }

    @Override
    public AccessToken getTokenSync(TokenRequestContext request) {
        return token;
    }

    @Override
    public String toString() {
        return "StaticTokenCredential";
    }
}

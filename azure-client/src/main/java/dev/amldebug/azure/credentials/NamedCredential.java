package dev.amldebug.azure.credentials;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import reactor.core.publisher.Mono;

/** The chain, with the names of the credentials it tries (for `aml-debug azure status`). */
public final class NamedCredential implements TokenCredential {
    private final TokenCredential credential;
    private final String tried;

    NamedCredential(TokenCredential credential, String tried) {
        this.credential = credential;
        this.tried = tried;
    }

    public String tried() {
        return tried;
    }

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
        return credential.getToken(request);
    }

    @Override
    public AccessToken getTokenSync(TokenRequestContext request) {
        return credential.getTokenSync(request);
    }

    @Override
    public String toString() {
        return "credentials: " + tried;
    }
}

package dev.amldebug.azure.credentials;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.CredentialUnavailableException;
import java.time.Duration;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A credential that gets so long to answer, then counts as unavailable, so the chain goes on to the next one. The
 * Azure CLI credential's own process timeout does not fire while {@code az} keeps its output open (a prompt, a stuck
 * proxy): without this, a hung {@code az} hangs every Azure command, silently.
 */
final class TimeBoundCredential implements TokenCredential {
    private final TokenCredential delegate;
    private final Duration limit;
    private final String what;

    TimeBoundCredential(TokenCredential delegate, Duration limit, String what) {
        this.delegate = delegate;
        this.limit = limit;
        this.what = what;
    }

    /** On a thread of its own: the Azure CLI credential blocks inside getToken itself, before any Mono exists. */
    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
        return Mono.fromCallable(() -> delegate.getTokenSync(request)).subscribeOn(Schedulers.boundedElastic())
                .timeout(limit, Mono.error(() -> new CredentialUnavailableException(
                        what + " did not answer within " + limit.toSeconds() + " s")));
    }

    @Override
    public AccessToken getTokenSync(TokenRequestContext request) {
        return getToken(request).block();
    }
}

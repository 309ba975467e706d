package dev.amldebug.azure.credentials;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.CredentialUnavailableException;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.aad.msal4j.SilentParameters;
import java.net.MalformedURLException;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * The sign-in of an earlier `aml-debug azure login`: tokens from MSAL's cache, refreshed silently. It never starts a
 * new device flow in the middle of another command (that would wait for a person): it says to sign in again.
 */
final class SavedLogin implements TokenCredential {
    private final Supplier<PublicClientApplication> application;
    private final DeviceCodeLogin.LoginRecord record;
    private PublicClientApplication app;

    SavedLogin(Supplier<PublicClientApplication> application, DeviceCodeLogin.LoginRecord record) {
        this.application = application;
        this.record = record;
    }

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
        return Mono.fromCallable(() -> getTokenSync(request));
    }

    @Override
    public synchronized AccessToken getTokenSync(TokenRequestContext request) {
        if (app == null) {
            app = application.get();
        }
        IAccount account = app.getAccounts().join().stream()
                .filter(a -> record.homeAccountId().equals(a.homeAccountId()))
                .findFirst()
                .orElseThrow(() -> new CredentialUnavailableException("The sign-in of `aml-debug azure login` as "
                        + record.username() + " is no longer kept: run `aml-debug azure login` again."));
        try {
            IAuthenticationResult result = app.acquireTokenSilently(
                    SilentParameters.builder(new HashSet<>(request.getScopes()), account).build()).join();
            return new AccessToken(result.accessToken(), result.expiresOnDate().toInstant().atOffset(ZoneOffset.UTC));
        } catch (MalformedURLException | CompletionException e) {
            throw new CredentialUnavailableException("The sign-in of `aml-debug azure login` as " + record.username()
                    + " could not be renewed (" + DeviceCodeLogin.rootMessage(e) + "): run `aml-debug azure login` again.", e);
        }
    }

    @Override
    public String toString() {
        return "SavedLogin[" + record.username() + "]";
    }
}

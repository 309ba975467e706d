package dev.amldebug.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.http.policy.RequestRetryCondition;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import java.time.Duration;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Our azure-core pipelines: user agent, retries (429, 5xx, resets; Retry-After first, else exponential backoff)
 * and, for ARM and the workspace data plane, the bearer token. No logging policy: nothing logs URLs or headers.
 */
final class Pipelines {
    static final String USER_AGENT = "aml-debug/" + version();

    private Pipelines() {
    }

    static RetryOptions retryOptions() {
        return new RetryOptions(new ExponentialBackoffOptions()
                .setMaxRetries(4)
                .setBaseDelay(Duration.ofMillis(500))
                .setMaxDelay(Duration.ofSeconds(30)))
                .setShouldRetryCondition(Pipelines::retryable);
    }

    /**
     * 408, 429 and 5xx but 501/505; a failure without answer (a reset), unless it is a sign-in failure, an
     * interrupt, or a host that is not there or not trusted: those do not pass by waiting (a private link
     * refuses every time), and the user should hear so at once.
     */
    private static boolean retryable(RequestRetryCondition condition) {
        if (condition.getResponse() != null) {
            int status = condition.getResponse().getStatusCode();
            return status == 408 || status == 429 || (status >= 500 && status != 501 && status != 505);
        }
        for (Throwable cause = condition.getThrowable(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ClientAuthenticationException || cause instanceof InterruptedIOException
                    && !(cause instanceof SocketTimeoutException) || cause instanceof ConnectException
                    || cause instanceof UnknownHostException || cause instanceof SSLHandshakeException) {
                return false;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return condition.getThrowable() instanceof Exception;
    }

    static HttpPipeline authenticated(HttpClient transport, TokenCredential credential, String scope) {
        return build(transport, new BearerTokenAuthenticationPolicy(credential, scope));
    }

    /** For signed URLs (logs, artifacts): the signature is the credential; a token must never go there. */
    static HttpPipeline plain(HttpClient transport) {
        return build(transport, null);
    }

    private static HttpPipeline build(HttpClient transport, HttpPipelinePolicy authentication) {
        HttpPipelineBuilder builder = new HttpPipelineBuilder().httpClient(transport);
        if (authentication == null) {
            builder.policies(new UserAgentPolicy(USER_AGENT), new RetryPolicy(retryOptions()), new RetryAfterCap());
        } else {
            builder.policies(new UserAgentPolicy(USER_AGENT), new RetryPolicy(retryOptions()), new RetryAfterCap(),
                    authentication);
        }
        return builder.build();
    }

    private static String version() {
        String version = Pipelines.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}

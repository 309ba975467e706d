package dev.amldebug.azure;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Bounds how long an answer may make us wait before a retry: azure-core's retry honours {@code Retry-After} whatever
 * it says (100000 s would hang a command silently), so an answer that asks for longer than {@link #MAX} is told
 * {@link #MAX}, and the wait is said on stderr. Sits after the retry policy, nearer the wire, so the retry sees the
 * bounded header.
 */
final class RetryAfterCap implements HttpPipelinePolicy {
    static final Duration MAX = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(RetryAfterCap.class);
    private static final HttpHeaderName RETRY_AFTER_MS = HttpHeaderName.fromString("retry-after-ms");
    private static final HttpHeaderName X_MS_RETRY_AFTER_MS = HttpHeaderName.fromString("x-ms-retry-after-ms");

    private final Duration max;

    RetryAfterCap() {
        this(MAX);
    }

    RetryAfterCap(Duration max) {
        this.max = max;
    }

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        return next.process().map(response -> bounded(context, response));
    }

    @Override
    public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
        return bounded(context, next.processSync());
    }

    private HttpResponse bounded(HttpPipelineCallContext context, HttpResponse response) {
        HttpHeaders headers = response.getHeaders();
        Duration asked = asked(headers);
        if (asked == null) {
            return response;
        }
        Duration wait = asked.compareTo(max) > 0 ? max : asked;
        if (asked.compareTo(max) > 0) {
            headers.remove(RETRY_AFTER_MS);
            headers.remove(X_MS_RETRY_AFTER_MS);
            headers.set(HttpHeaderName.RETRY_AFTER, Long.toString(max.toSeconds()));
        }
        if (wait.toSeconds() >= 5) {
            LOG.warn("Azure answered {} to {} {} and asks to wait {} s; waiting {} s before trying again.",
                    response.getStatusCode(), context.getHttpRequest().getHttpMethod(),
                    context.getHttpRequest().getUrl().getPath(), asked.toSeconds(), wait.toSeconds());
        }
        return response;
    }

    /** The longest wait the answer asks for, or null when it asks for none (or says it in a way we do not read). */
    static Duration asked(HttpHeaders headers) {
        Duration longest = null;
        for (HttpHeaderName name : new HttpHeaderName[] {RETRY_AFTER_MS, X_MS_RETRY_AFTER_MS}) {
            String value = headers.getValue(name);
            if (value != null && value.trim().matches("\\d{1,18}")) {
                longest = longer(longest, Duration.ofMillis(Long.parseLong(value.trim())));
            }
        }
        String seconds = headers.getValue(HttpHeaderName.RETRY_AFTER);
        if (seconds != null && seconds.trim().matches("\\d{1,15}")) {
            longest = longer(longest, Duration.ofSeconds(Long.parseLong(seconds.trim())));
        }
        return longest;
    }

    private static Duration longer(Duration a, Duration b) {
        return a == null || b.compareTo(a) > 0 ? b : a;
    }
}

package dev.amldebug.runner.deploy;

import java.util.Map;

/**
 * Azure ML's {@code request_settings} of an online deployment, as the local scoring server honours them: the scoring
 * timeout, how many run() calls at once, and how long a request waits for a free slot before it is answered 503.
 */
public record RequestSettings(int requestTimeoutMs, int maxConcurrentRequestsPerInstance, int maxQueueWaitMs) {
    /** Our scoring timeout (Azure ML's is 5 s; a local run is often slower, and a debugger pauses it anyway). */
    public static final int DEFAULT_REQUEST_TIMEOUT_MS = 60_000;
    /** Azure ML's defaults otherwise: one request at a time, 500 ms in the queue. */
    public static final RequestSettings DEFAULTS = new RequestSettings(DEFAULT_REQUEST_TIMEOUT_MS, 1, 500);

    /** The scoring server's environment for them. */
    public Map<String, String> environment() {
        return Map.of("SCORING_TIMEOUT_MS", Integer.toString(requestTimeoutMs),
                "MAX_CONCURRENT_REQUESTS", Integer.toString(maxConcurrentRequestsPerInstance),
                "MAX_QUEUE_WAIT_MS", Integer.toString(maxQueueWaitMs));
    }
}

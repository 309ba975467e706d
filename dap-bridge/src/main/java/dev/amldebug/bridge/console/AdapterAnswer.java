package dev.amldebug.bridge.console;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.errors.ErrorKind;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;

/** Waits for the debug adapter's answer to a console request, for a bounded time. */
final class AdapterAnswer {
    private static final long REQUEST_SECONDS = 30;

    private AdapterAnswer() {
    }

    /** The answer, or the adapter's own sentence (never a Java class name) when it refused or did not answer. */
    static <T> T await(CompletableFuture<T> request) throws Exception {
        try {
            return request.get(REQUEST_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AmlDebugException(ErrorKind.ENVIRONMENT, "the debug adapter did not answer within "
                    + REQUEST_SECONDS + " s", e);
        } catch (ExecutionException e) {
            String reason = e.getCause() instanceof ResponseErrorException refused
                    ? refused.getResponseError().getMessage() : String.valueOf(e.getCause().getMessage());
            throw new AmlDebugException(ErrorKind.ENVIRONMENT, reason, e.getCause());
        }
    }
}

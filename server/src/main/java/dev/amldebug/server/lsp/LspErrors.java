package dev.amldebug.server.lsp;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.errors.ErrorKind;
import dev.amldebug.errors.Sentences;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The language server's one mapping from failures to JSON-RPC errors (the launcher's exception
 * handler): input the user can fix is -32602, anything else -32603; the message is the sentence
 * to show, and {@code data.kind} names the kind. Internal errors are logged with their stack trace.
 */
final class LspErrors {
    private static final Logger LOG = LoggerFactory.getLogger(LspErrors.class);

    private LspErrors() {
    }

    static ResponseError toResponseError(Throwable thrown) {
        Throwable error = unwrap(thrown);
        if (error instanceof ResponseErrorException known) {
            return known.getResponseError();
        }
        ErrorKind kind = AmlDebugException.kindOf(error);
        if (kind == ErrorKind.INTERNAL) {
            LOG.error("Internal error", error);
            return new ResponseError(ResponseErrorCode.InternalError, "aml-debug failed unexpectedly ("
                    + Sentences.of(error) + "). The server log has the details; please report it.", data(kind));
        }
        ResponseErrorCode code = kind == ErrorKind.ENVIRONMENT ? ResponseErrorCode.InternalError
                : ResponseErrorCode.InvalidParams;
        return new ResponseError(code, error.getMessage(), data(kind));
    }

    private static Map<String, String> data(ErrorKind kind) {
        return Map.of("kind", kind.name());
    }

    private static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException
                || current instanceof InvocationTargetException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}

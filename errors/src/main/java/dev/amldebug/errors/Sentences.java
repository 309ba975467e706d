package dev.amldebug.errors;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import java.lang.reflect.InvocationTargetException;

/** What the user reads of any failure: its own words, without wrappers or Java class names. */
public final class Sentences {
    /** "java.io.IOException: " or "org.eclipse.lsp4j.jsonrpc.ResponseErrorException: " at the start of a message. */
    private static final Pattern CLASS_PREFIX = Pattern.compile("^(?:[a-z_][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error):\\s*");

    private Sentences() {
    }

    public static String of(Throwable error) {
        Throwable cause = unwrap(error);
        String message = cause.getMessage();
        while (message != null && CLASS_PREFIX.matcher(message).find()) {
            message = CLASS_PREFIX.matcher(message).replaceFirst("");
        }
        return message == null || message.isBlank() ? "an unexpected error, with no message" : message;
    }

    /** The failure inside the wrappers that concurrency and reflection put around it. */
    public static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException
                || current instanceof InvocationTargetException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}

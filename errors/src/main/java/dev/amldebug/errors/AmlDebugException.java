package dev.amldebug.errors;

/**
 * The one exception base of aml-debug. Its message is a sentence for the user that says what
 * to do; its {@link ErrorKind} decides how each surface reports it.
 */
public class AmlDebugException extends RuntimeException {
    private final ErrorKind kind;

    public AmlDebugException(ErrorKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public AmlDebugException(ErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public ErrorKind kind() {
        return kind;
    }

    public static AmlDebugException badInput(String message) {
        return new AmlDebugException(ErrorKind.BAD_INPUT, message);
    }

    public static AmlDebugException notFound(String message) {
        return new AmlDebugException(ErrorKind.NOT_FOUND, message);
    }

    public static AmlDebugException environment(String message, Throwable cause) {
        return new AmlDebugException(ErrorKind.ENVIRONMENT, message, cause);
    }

    /** The kind of any throwable: ours carry one; anything else is a bug of ours. */
    public static ErrorKind kindOf(Throwable error) {
        return error instanceof AmlDebugException known ? known.kind() : ErrorKind.INTERNAL;
    }
}

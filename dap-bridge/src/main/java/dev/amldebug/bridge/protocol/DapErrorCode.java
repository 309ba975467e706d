package dev.amldebug.bridge.protocol;

import dev.amldebug.errors.AmlDebugException;

/**
 * The {@code error.id} of every error response the bridge writes itself, as java-debug's
 * ErrorCode does: one id per kind of failure, so a client can tell them apart without parsing text.
 */
public enum DapErrorCode {
    BAD_INPUT(1001),
    NOT_FOUND(1002),
    ENVIRONMENT(1003),
    INTERNAL(1004),
    /** A request after the debuggee ended, or one it never answered before it went away. */
    DEBUGGEE_ENDED(1010),
    /** debugpy could not be reached within the target's connect timeout. */
    DEBUGGEE_UNREACHABLE(1011),
    /** The client sent a framed message whose body is not a DAP JSON object. */
    MALFORMED_MESSAGE(1012),
    /** A session for many debuggees, with a client that cannot open a child session per debuggee (startDebugging). */
    NO_CHILD_SESSIONS(1013);

    private final int id;

    DapErrorCode(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    /** The code for any failure, by its kind; anything that is not an AmlDebugException is INTERNAL. */
    public static DapErrorCode of(Throwable error) {
        return switch (AmlDebugException.kindOf(error)) {
            case BAD_INPUT -> BAD_INPUT;
            case NOT_FOUND -> NOT_FOUND;
            case ENVIRONMENT -> ENVIRONMENT;
            case INTERNAL -> INTERNAL;
        };
    }
}

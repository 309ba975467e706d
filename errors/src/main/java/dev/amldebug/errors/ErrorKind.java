package dev.amldebug.errors;

/**
 * What kind of failure an {@link AmlDebugException} is. Each surface maps the kind once: the
 * CLI to an exit code, the language server to a JSON-RPC error, the debug adapter to a DAP error id.
 */
public enum ErrorKind {
    /** The user gave something that cannot be used: a bad file, flag, argument or request. */
    BAD_INPUT,
    /** The user named something that does not exist: a run, a tree node, a file. */
    NOT_FOUND,
    /** Something outside us is missing or failing: Docker, an image build, the network, sign-in. */
    ENVIRONMENT,
    /** Our own fault: a bug. Logged with its stack trace. */
    INTERNAL
}

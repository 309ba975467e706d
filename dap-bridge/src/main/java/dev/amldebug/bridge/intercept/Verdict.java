package dev.amldebug.bridge.intercept;

import dev.amldebug.bridge.protocol.DapMessage;

/** What becomes of a message that an {@link Interceptor} has seen. */
public sealed interface Verdict {
    /** The message (as given, or rewritten) goes on: to the next interceptor, then to its destination. */
    record Forward(DapMessage message) implements Verdict {
    }

    /** The message goes no further; {@code response} goes to the client in its place. */
    record Answer(DapMessage response) implements Verdict {
    }

    /** The message goes no further, and nothing takes its place. */
    record Drop() implements Verdict {
    }

    static Verdict forward(DapMessage message) {
        return new Forward(message);
    }

    static Verdict answer(DapMessage response) {
        return new Answer(response);
    }

    static Verdict drop() {
        return new Drop();
    }
}

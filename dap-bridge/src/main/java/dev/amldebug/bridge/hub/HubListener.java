package dev.amldebug.bridge.hub;

/** Hears the debug hub's debuggees come and go. Called on the hub's threads: do not block. */
public interface HubListener {
    /** A debuggee was let in; a listener added later hears at once of those already in. */
    void joined(Debuggee debuggee);

    /** Its connection ended: the process ended, or its session did. */
    default void left(Debuggee debuggee) {
    }

    /** The hub closed: no debuggee will join any more. */
    default void closed() {
    }
}

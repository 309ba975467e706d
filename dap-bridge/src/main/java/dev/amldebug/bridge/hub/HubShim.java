package dev.amldebug.bridge.hub;

import java.util.List;
import java.util.Map;

/** What a debuggee's process needs to dial the hub through the debug shim's connect mode. */
public final class HubShim {
    /** The hub's token travels in this environment variable, never on a command line. */
    public static final String TOKEN_ENV = "AML_DEBUG_HUB_TOKEN";

    private HubShim() {
    }

    /** The shim's arguments before its {@code --}: {@code --connect HOST:PORT}, HOST as the debuggee reaches the hub. */
    public static List<String> connectArguments(String host, int port) {
        return List.of("--connect", host + ":" + port);
    }

    /** The environment each debuggee process gets besides the run's (its rank variables come from the run). */
    public static Map<String, String> environment(DebugHub hub) {
        return Map.of(TOKEN_ENV, hub.token());
    }
}

package dev.amldebug.bridge.target;

import dev.amldebug.errors.AmlDebugException;
/** A local folder and the folder it is in the debuggee's file system. */
public record PathMapping(String localRoot, String remoteRoot) {
    /** Parses {@code LOCAL=REMOTE}, as the command line takes it. */
    public static PathMapping parse(String text) {
        int equals = text.indexOf('=');
        if (equals <= 0 || equals == text.length() - 1) {
            throw AmlDebugException.badInput("a path mapping is LOCAL=REMOTE, for example ./src=/app; found '" + text + "'");
        }
        return new PathMapping(text.substring(0, equals), text.substring(equals + 1));
    }
}

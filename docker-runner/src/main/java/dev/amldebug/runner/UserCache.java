package dev.amldebug.runner;

import java.nio.file.Path;

/** The user's cache folder for aml-debug ($XDG_CACHE_HOME/aml-debug or ~/.cache/aml-debug), shared by all workspaces. */
public final class UserCache {
    private UserCache() {
    }

    public static Path dir() {
        String cache = System.getenv("XDG_CACHE_HOME");
        Path base = cache != null && !cache.isBlank() ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("aml-debug");
    }
}

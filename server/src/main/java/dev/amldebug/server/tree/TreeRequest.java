package dev.amldebug.server.tree;

import java.util.function.BooleanSupplier;

/**
 * One request for children: which page (null for the first) and whether the client gave up
 * waiting. A slow provider checks {@link #cancelled()} between calls to its service.
 */
public record TreeRequest(String page, BooleanSupplier cancelled) {
    public static TreeRequest firstPage() {
        return new TreeRequest(null, () -> false);
    }
}

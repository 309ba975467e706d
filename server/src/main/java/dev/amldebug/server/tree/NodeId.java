package dev.amldebug.server.tree;

import dev.amldebug.errors.AmlDebugException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The id of a tree node: the provider that owns it, and a path inside that provider. On the
 * wire it is one string, {@code provider/segment/segment}, that only the server takes apart.
 */
public record NodeId(String provider, List<String> segments) {
    private static final String SEPARATOR = "/";

    public NodeId {
        if (provider == null || provider.isEmpty() || provider.contains(SEPARATOR)) {
            throw new IllegalArgumentException("a provider name is one non-empty segment, not '" + provider + "'");
        }
        segments = List.copyOf(segments);
    }

    public static NodeId root(String provider) {
        return new NodeId(provider, List.of());
    }

    /** The id a client sent back; anything that is not one of ours is bad input. */
    public static NodeId parse(String text) {
        if (text == null || text.isBlank() || text.startsWith(SEPARATOR)) {
            throw AmlDebugException.notFound("No tree node '" + text + "'. Refresh the tree.");
        }
        List<String> parts = Arrays.asList(text.split(SEPARATOR, -1));
        return new NodeId(parts.get(0), parts.subList(1, parts.size()));
    }

    /** A child of this node; a segment may itself hold '/' (a relative path, an image tag). */
    public NodeId child(String... more) {
        List<String> all = new ArrayList<>(segments);
        for (String segment : more) {
            all.addAll(Arrays.asList(segment.split(SEPARATOR, -1)));
        }
        return new NodeId(provider, all);
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    /** The segments from {@code index} on, joined again: the rest of a path. */
    public String rest(int index) {
        return String.join(SEPARATOR, segments.subList(Math.min(index, segments.size()), segments.size()));
    }

    public String segment(int index) {
        return index < segments.size() ? segments.get(index) : "";
    }

    @Override
    public String toString() {
        return segments.isEmpty() ? provider : provider + SEPARATOR + String.join(SEPARATOR, segments);
    }
}

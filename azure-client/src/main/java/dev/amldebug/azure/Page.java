package dev.amldebug.azure;

import java.util.List;

/** One page of a list; {@code nextLink} (null on the last page) is passed back to get the next. */
public record Page<T>(List<T> items, String nextLink) {
    public Page {
        items = List.copyOf(items);
    }

    public boolean hasNext() {
        return nextLink != null && !nextLink.isEmpty();
    }
}

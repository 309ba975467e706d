package dev.amldebug.server.documents;

import java.util.Map;
import java.util.Set;

/**
 * The keys a reader takes in one mapping of a document and, below it, what it takes in each key's value: {@code fixed}
 * for a key whose value is a mapping the reader checks, {@code each} for a mapping of free names (inputs, steps) whose
 * values it checks alike. {@code ignored} are keys the reader takes and then ignores, with the sentence it says about
 * them.
 */
record KeyTree(Set<String> keys, Map<String, KeyTree> fixed, KeyTree each, Map<String, String> ignored) {
    static KeyTree of(Set<String> keys) {
        return new KeyTree(keys, Map.of(), null, Map.of());
    }

    static KeyTree of(Set<String> keys, Map<String, KeyTree> fixed) {
        return new KeyTree(keys, fixed, null, Map.of());
    }

    /** A mapping of names the user chooses, each value read as {@code each}. */
    static KeyTree names(KeyTree each) {
        return new KeyTree(null, Map.of(), each, Map.of());
    }

    KeyTree ignoring(Map<String, String> sentences) {
        return new KeyTree(keys, fixed, each, sentences);
    }

    /** What the value of {@code key} takes, or null where the reader does not look into it. */
    KeyTree below(String key) {
        return keys == null ? each : fixed.get(key);
    }
}

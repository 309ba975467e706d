package dev.amldebug.server.documents;

import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/** The key a mistyped one most likely meant: the nearest by edit distance, if it is near enough to be a typo. */
public final class KeySuggestion {
    private KeySuggestion() {
    }

    public static Optional<String> nearest(String typed, Set<String> allowed) {
        return allowed.stream()
                .filter(key -> distance(typed.toLowerCase(), key.toLowerCase()) <= Math.max(1, Math.min(3, key.length() / 3)))
                .min(Comparator.<String>comparingInt(key -> distance(typed.toLowerCase(), key.toLowerCase()))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** Levenshtein distance, with a swap of two neighbours counted as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}

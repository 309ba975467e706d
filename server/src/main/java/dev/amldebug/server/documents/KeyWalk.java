package dev.amldebug.server.documents;

import dev.amldebug.runner.yaml.YamlValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Every unknown key of a document at once (a reader stops at the first), worded as the reader words it, and every key
 * the reader takes only to ignore it, as a warning. The walk follows the same {@link KeyTree} completion offers.
 */
final class KeyWalk {
    private KeyWalk() {
    }

    static List<SpecProblem> problems(YamlValue root, DocumentKind kind) {
        List<SpecProblem> problems = new ArrayList<>();
        walk(root, kind.keys(), kind.what(), problems);
        return problems;
    }

    private static void walk(YamlValue value, KeyTree tree, String what, List<SpecProblem> problems) {
        if (tree == null || !value.isMapping()) {
            return;
        }
        for (Map.Entry<YamlValue, YamlValue> pair : value.pairs(what)) {
            YamlValue keyAt = pair.getKey();
            if (!keyAt.isScalar()) {
                continue;
            }
            String key = keyAt.text("a key");
            if (tree.keys() != null && !tree.keys().contains(key)) {
                Optional<String> meant = KeySuggestion.nearest(key, tree.keys());
                problems.add(new SpecProblem(keyAt.line(), keyAt.column(), "unknown key '" + key + "' in " + what
                        + "; expected one of: " + String.join(", ", new TreeSet<>(tree.keys())), meant));
                // Below a typo, the keys of the key it meant.
                meant.ifPresent(known -> walk(pair.getValue(), tree.below(known), "'" + known + "'", problems));
            } else if (tree.ignored().containsKey(key)) {
                problems.add(SpecProblem.warning(keyAt.line(), keyAt.column(), tree.ignored().get(key)));
            } else {
                walk(pair.getValue(), tree.below(key), tree.keys() == null ? what + " " + key : "'" + key + "'", problems);
            }
        }
    }
}

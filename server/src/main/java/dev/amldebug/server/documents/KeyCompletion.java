package dev.amldebug.server.documents;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keys to offer where the user is typing a key, at any level the document's reader knows ({@link KeyTree}), less the
 * keys that mapping has already. The document may be half written, so where the cursor stands is read from the
 * indentation of the lines above it, not from a parse.
 */
public final class KeyCompletion {
    private static final Pattern TYPING_A_KEY = Pattern.compile("^( *)([A-Za-z_$][A-Za-z0-9_$]*)?$");
    /** A key that opens a nested mapping: nothing after its colon but a comment. */
    private static final Pattern PARENT = Pattern.compile("^( *)([A-Za-z_$][A-Za-z0-9_$]*)[ \\t]*:[ \\t]*(#.*)?$");
    private static final Pattern KEY = Pattern.compile("^( *)([A-Za-z_$][A-Za-z0-9_$]*)[ \\t]*:");

    private KeyCompletion() {
    }

    /** The keys for {@code line}, cut at {@code character} (both 0-based); none where no key is being typed. */
    public static List<String> at(Path file, String text, int line, int character) {
        String[] lines = text.split("\r?\n", -1);
        if (line >= lines.length) {
            return List.of();
        }
        Matcher typed = TYPING_A_KEY.matcher(lines[line].substring(0, Math.min(character, lines[line].length())));
        var kind = DocumentKind.of(file, text);
        if (!typed.matches() || kind.isEmpty()) {
            return List.of();
        }
        int indent = typed.group(1).length();
        String prefix = typed.group(2) == null ? "" : typed.group(2);
        List<String> path = new ArrayList<>();
        int parentLine = parents(lines, line, indent, path);
        if (parentLine < -1) {
            return List.of();
        }
        KeyTree tree = kind.get().keys();
        for (String key : path) {
            tree = tree == null ? null : tree.below(key);
        }
        if (tree == null || tree.keys() == null) {
            return List.of();
        }
        Set<String> present = siblings(lines, parentLine, line, indent);
        return tree.keys().stream().filter(k -> !present.contains(k) && k.startsWith(prefix)).sorted().toList();
    }

    /**
     * Fills {@code path} with the keys the cursor's line is nested in and returns the line of the innermost one (-1 at
     * the top level); below -1 where it is not in a mapping of keys (a list, a value).
     */
    private static int parents(String[] lines, int line, int indent, List<String> path) {
        int wanted = indent;
        int parentLine = -1;
        for (int i = line - 1; i >= 0 && wanted > 0; i--) {
            int lineIndent = indentOf(lines[i]);
            if (lineIndent < 0 || lineIndent >= wanted) {
                continue;
            }
            Matcher parent = PARENT.matcher(lines[i]);
            if (!parent.matches()) {
                return -2;
            }
            path.add(0, parent.group(2));
            parentLine = parentLine == -1 ? i : parentLine;
            wanted = lineIndent;
        }
        return wanted == 0 ? parentLine : -2;
    }

    /** The keys already written at {@code indent} in the mapping that starts after {@code parentLine}. */
    private static Set<String> siblings(String[] lines, int parentLine, int line, int indent) {
        Set<String> present = new TreeSet<>();
        for (int i = parentLine + 1; i < lines.length; i++) {
            int lineIndent = indentOf(lines[i]);
            if (lineIndent >= 0 && lineIndent < indent) {
                break;
            }
            Matcher key = KEY.matcher(lines[i]);
            if (i != line && lineIndent == indent && key.find()) {
                present.add(key.group(2));
            }
        }
        return present;
    }

    /** Spaces before the line's first character; -1 for a blank or comment line. */
    private static int indentOf(String line) {
        String stripped = line.stripLeading();
        return stripped.isEmpty() || stripped.startsWith("#") ? -1 : line.length() - stripped.length();
    }
}

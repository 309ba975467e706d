package dev.amldebug.runner.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.Optional;

/**
 * What a code snapshot leaves out, as Azure ML decides it: the folder's {@code .amlignore}, or
 * its {@code .gitignore} when there is no {@code .amlignore}, in gitignore syntax (comments,
 * {@code !} to include again, a trailing {@code /} for folders, a leading {@code /} to anchor,
 * {@code *}, {@code ?} and {@code **}). Our own run store never goes.
 */
public final class SnapshotIgnore implements Predicate<Path> {
    private record Rule(Pattern pattern, boolean include, boolean folderOnly) {
    }

    private final Path root;
    private final List<Rule> rules;

    private SnapshotIgnore(Path root, List<Rule> rules) {
        this.root = root;
        this.rules = rules;
    }

    public static SnapshotIgnore of(Path codeFolder) {
        Path amlignore = codeFolder.resolve(".amlignore");
        Path gitignore = codeFolder.resolve(".gitignore");
        Path file = Files.isRegularFile(amlignore) ? amlignore : Files.isRegularFile(gitignore) ? gitignore : null;
        List<Rule> rules = new ArrayList<>();
        rules.add(new Rule(Pattern.compile("\\.azureml/runs(/.*)?"), false, false));
        if (file != null) {
            try {
                Files.readAllLines(file, StandardCharsets.UTF_8).forEach(line -> parse(line).ifPresent(rules::add));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new SnapshotIgnore(codeFolder, List.copyOf(rules));
    }

    /** Whether a file or folder under the code folder (absolute, or relative to it) is left out of the snapshot. */
    @Override
    public boolean test(Path path) {
        Path absolute = root.resolve(path);
        String relative = root.relativize(absolute).toString().replace('\\', '/');
        boolean folder = Files.isDirectory(absolute);
        boolean excluded = false;
        for (Rule rule : rules) {
            if (matches(rule, relative, folder)) {
                excluded = !rule.include;
            }
        }
        return excluded;
    }

    /** A rule that names a folder leaves out everything under it too. */
    private static boolean matches(Rule rule, String relative, boolean folder) {
        if ((!rule.folderOnly || folder) && rule.pattern.matcher(relative).matches()) {
            return true;
        }
        for (int slash = relative.indexOf('/'); slash > 0; slash = relative.indexOf('/', slash + 1)) {
            if (!rule.include && rule.pattern.matcher(relative.substring(0, slash)).matches()) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Rule> parse(String line) {
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
            return Optional.empty();
        }
        boolean include = text.startsWith("!");
        if (include) {
            text = text.substring(1);
        }
        boolean folderOnly = text.endsWith("/");
        if (folderOnly) {
            text = text.substring(0, text.length() - 1);
        }
        boolean anchored = text.startsWith("/") || text.contains("/");
        if (text.startsWith("/")) {
            text = text.substring(1);
        }
        String regex = (anchored ? "" : "(?:.*/)?") + glob(text);
        return Optional.of(new Rule(Pattern.compile(regex), include, folderOnly));
    }

    private static String glob(String text) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                boolean slashAfter = i + 2 < text.length() && text.charAt(i + 2) == '/';
                regex.append(slashAfter ? "(?:.*/)?" : ".*");
                i += slashAfter ? 2 : 1;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}

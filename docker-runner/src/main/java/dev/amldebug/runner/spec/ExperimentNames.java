package dev.amldebug.runner.spec;

import dev.amldebug.errors.AmlDebugException;
import java.util.regex.Pattern;

/** Experiment names as Azure ML takes them: 1 to 255 letters, digits, '_', '.' and '-', starting with a letter or digit. */
public final class ExperimentNames {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,254}");
    private static final int SHOWN = 60;

    private ExperimentNames() {
    }

    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /** The name, or an error that says what a name may hold. */
    public static String check(String name) {
        if (!isValid(name)) {
            throw AmlDebugException.badInput(rule(name));
        }
        return name;
    }

    /** The sentence for a name that breaks the rule; the name is shown escaped and shortened. */
    public static String rule(String name) {
        return "An experiment name takes 1 to 255 letters, digits, '_', '.' and '-', and starts with a letter or digit;"
                + " " + shown(name) + " does not.";
    }

    /** A name made from a folder name, for runs that name no experiment: never invalid. */
    public static String fromFolder(String folder) {
        String safe = folder.replaceAll("[^A-Za-z0-9_.-]", "_").replaceAll("^[^A-Za-z0-9]+", "");
        safe = safe.length() > 255 ? safe.substring(0, 255) : safe;
        return safe.isEmpty() ? "experiment" : safe;
    }

    private static String shown(String name) {
        if (name == null || name.isEmpty()) {
            return "an empty name";
        }
        String escaped = name.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
        String cut = escaped.length() > SHOWN ? escaped.substring(0, SHOWN) + "... (" + name.length() + " characters)"
                : escaped;
        return "'" + cut + "'";
    }
}

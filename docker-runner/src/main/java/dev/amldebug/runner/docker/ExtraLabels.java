package dev.amldebug.runner.docker;

import dev.amldebug.errors.AmlDebugException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Labels the user adds to everything aml-debug creates in Docker: run and deployment containers, run networks and
 * the images it builds. {@code AML_DEBUG_LABELS="key=value,key=value"}, or the JVM system property
 * {@code aml-debug.labels} in the same form, which stands in for the variable when it is set (tests set it per
 * test, to find and remove exactly what that test created). Read whenever something is created, never kept.
 */
public final class ExtraLabels {
    public static final String VARIABLE = "AML_DEBUG_LABELS";
    public static final String PROPERTY = "aml-debug.labels";

    private ExtraLabels() {
    }

    /** {@code own} with the extra labels in force now added; an extra label may not replace one of {@code own}. */
    public static Map<String, String> with(Map<String, String> own) {
        Map<String, String> labels = new LinkedHashMap<>(own);
        String property = System.getProperty(PROPERTY);
        String source = property != null ? "The system property " + PROPERTY : VARIABLE;
        parse(property != null ? property : System.getenv(VARIABLE), source).forEach((key, value) -> {
            if (own.containsKey(key)) {
                throw AmlDebugException.badInput(source + ": '" + key + "' is a label aml-debug sets itself;"
                        + " leave it out and give labels of your own.");
            }
            labels.put(key, value);
        });
        return labels;
    }

    /** {@code key=value} pairs separated by commas, blanks around each ignored; none when {@code value} is null. */
    static Map<String, String> parse(String value, String source) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (value == null) {
            return labels;
        }
        for (String entry : value.split(",")) {
            String pair = entry.strip();
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = equals < 0 ? "" : pair.substring(0, equals).strip();
            if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
                throw AmlDebugException.badInput(source + ": '" + pair + "' is not KEY=VALUE; write the labels to add"
                        + " to aml-debug's containers, networks and images as key=value pairs separated by commas.");
            }
            if (labels.put(key, pair.substring(equals + 1).strip()) != null) {
                throw AmlDebugException.badInput(source + ": the label '" + key + "' is given twice; give each label once.");
            }
        }
        return labels;
    }
}

package dev.amldebug.cli;

import dev.amldebug.errors.AmlDebugException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ages on the command line: 30m, 12h, 7d. */
final class Ages {
    private static final Pattern AGE = Pattern.compile("(\\d{1,9})([mhd])");

    private Ages() {
    }

    static Duration parse(String option, String text) {
        Matcher matcher = AGE.matcher(text.trim());
        if (!matcher.matches()) {
            throw AmlDebugException.badInput(option + " takes a number and a unit: 30m, 12h or 7d; found '" + text + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}

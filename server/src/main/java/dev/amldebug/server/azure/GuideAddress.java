package dev.amldebug.server.azure;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The address a job's script prints when it starts debugpy itself, as the Azure ML debugging guide shows:
 * {@code ip_address: 10.0.0.4} (from {@code print("ip_address:", ip)} or an f-string alike).
 */
public final class GuideAddress {
    private static final Pattern LINE = Pattern.compile("\\bip_address:\\s*([0-9A-Fa-f][0-9A-Fa-f.:]*[0-9A-Fa-f])");

    private GuideAddress() {
    }

    /** The address in this line, if it is the guide's line. */
    public static Optional<String> in(String line) {
        Matcher matcher = LINE.matcher(line);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The first address in some lines of text. */
    public static Optional<String> first(String text) {
        return text.lines().map(GuideAddress::in).flatMap(Optional::stream).findFirst();
    }
}

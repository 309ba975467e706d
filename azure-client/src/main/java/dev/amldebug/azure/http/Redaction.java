package dev.amldebug.azure.http;

import java.net.URI;
import java.util.regex.Pattern;

/** Keeps SAS signatures and bearer tokens out of messages and logs. */
public final class Redaction {
    private static final Pattern SIGNATURE = Pattern.compile("(?i)(sig=)[^&\\s\"']+");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");

    private Redaction() {
    }

    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        return BEARER.matcher(SIGNATURE.matcher(text).replaceAll("$1REDACTED")).replaceAll("$1REDACTED");
    }

    /** A URL for a message: scheme, host and path only. */
    public static String withoutQuery(URI url) {
        return url.getScheme() + "://" + url.getAuthority() + (url.getPath() == null ? "" : url.getPath());
    }
}

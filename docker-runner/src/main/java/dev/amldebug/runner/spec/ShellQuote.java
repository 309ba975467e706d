package dev.amldebug.runner.spec;

import java.util.regex.Pattern;

/** POSIX shell quoting for arguments appended to a job's command line. */
public final class ShellQuote {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./=:,+@%-]+");

    private ShellQuote() {
    }

    public static String quote(String arg) {
        return SAFE.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}

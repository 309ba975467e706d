package dev.amldebug.cli.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Who reads this invocation's output: a person at a terminal (colour, progress bars, tables) or a program
 * through a pipe or a file (plain lines). Colour is off with {@code NO_COLOR} (https://no-color.org),
 * {@code --no-color}, {@code TERM=dumb} or a stream that is not a terminal.
 */
public record Terminal(boolean stdoutIsTerminal, boolean stderrIsTerminal, boolean colourWanted) {
    /** For tests and for output captured in this process: no terminal, no colour. */
    public static final Terminal NONE = new Terminal(false, false, false);

    public static Terminal detect(Map<String, String> environment, List<String> args) {
        // no-color.org: a NO_COLOR that is set and not empty.
        boolean colourWanted = environment.getOrDefault("NO_COLOR", "").isEmpty() && !args.contains("--no-color")
                && !"dumb".equals(environment.get("TERM"));
        return new Terminal(isTerminal(1), isTerminal(2), colourWanted);
    }

    public boolean colourOut() {
        return colourWanted && stdoutIsTerminal;
    }

    public boolean colourErr() {
        return colourWanted && stderrIsTerminal;
    }

    /**
     * Whether file descriptor {@code fd} is a terminal. On Linux its /proc link names the device
     * (/dev/pts/3, /dev/tty1) or says pipe:[..] or a file; elsewhere Java only knows whether stdin and stdout both
     * are.
     */
    static boolean isTerminal(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        if (Files.isSymbolicLink(link)) {
            try {
                String target = Files.readSymbolicLink(link).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException e) {
                return false;
            }
        }
        return System.console() != null;
    }
}

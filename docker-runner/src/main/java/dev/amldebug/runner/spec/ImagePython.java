package dev.amldebug.runner.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * The image's Python, found as a user's command would find it: {@code python3} or {@code python} on the image's
 * {@code PATH}, else a conda installation's ({@code /opt/conda}, {@code /opt/miniconda}, their first environment).
 * Every Python that aml-debug itself starts (a bare script, the scoring server, the distributed launcher, and so the
 * debug shim and post-mortem under them) starts through this rule; an image with no Python says so in one line.
 */
public final class ImagePython {
    /** The program name the finder script sees as {@code $0}. */
    static final String NAME = "python";
    private static final String CANDIDATES = "python3 python /opt/conda/bin/python3 /opt/conda/bin/python"
            + " /opt/miniconda/bin/python3 /opt/miniconda/bin/python /opt/conda/envs/*/bin/python"
            + " /opt/miniconda/envs/*/bin/python /usr/local/bin/python3";
    static final String SCRIPT = "for p in " + CANDIDATES + "; do"
            + " if command -v \"$p\" >/dev/null 2>&1; then exec \"$p\" \"$@\"; fi; done;"
            + " echo \"aml-debug: this image has no Python: no python3 or python on its PATH ($PATH),"
            + " and none in /opt/conda or /opt/miniconda. Use an image with Python 3.\" >&2; exit 127";

    private ImagePython() {
    }

    /** {@code /bin/sh -c SCRIPT python ARGS...}: runs {@code python ARGS...} with the image's Python. */
    public static List<String> command(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", SCRIPT, NAME));
        command.addAll(arguments);
        return List.copyOf(command);
    }

    public static List<String> command(String... arguments) {
        return command(List.of(arguments));
    }

    /** The rule as a shell script of its own, for an image build ({@code sh FILE ARGS...} runs Python with ARGS). */
    public static String scriptFile() {
        return "#!/bin/sh\n# aml-debug: runs the image's Python with these arguments.\n" + SCRIPT + "\n";
    }

    /** Whether {@code command} is one that {@link #command} made. */
    public static boolean isCommand(List<String> command) {
        return command.size() >= 4 && command.get(0).equals("/bin/sh") && command.get(1).equals("-c")
                && command.get(2).equals(SCRIPT);
    }

    /** The arguments given to Python in such a command (the script and its arguments). */
    public static List<String> arguments(List<String> command) {
        if (!isCommand(command)) {
            throw new IllegalArgumentException("not a command of the image's Python: " + command);
        }
        return command.subList(4, command.size());
    }
}

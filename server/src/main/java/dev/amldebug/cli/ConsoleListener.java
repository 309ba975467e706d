package dev.amldebug.cli;

import dev.amldebug.runner.run.RunListener;
import java.io.PrintWriter;

/** Prints a run as it goes: control lines on stderr, the script's output on stdout. */
final class ConsoleListener implements RunListener {
    private final PrintWriter out;
    private final PrintWriter err;

    ConsoleListener(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public void controlLine(String line) {
        err.println("[control] " + line);
        err.flush();
    }

    @Override
    public void driverOutput(String text) {
        out.print(text);
        out.flush();
    }
}

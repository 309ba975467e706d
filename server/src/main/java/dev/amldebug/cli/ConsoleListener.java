package dev.amldebug.cli;

import dev.amldebug.runner.run.RunEvent;
import dev.amldebug.runner.run.RunListener;
import java.io.PrintWriter;
import java.util.function.Consumer;

/** Prints a run as it goes: control lines on stderr, the script's output on stdout. */
final class ConsoleListener implements RunListener {
    private final PrintWriter out;
    private final PrintWriter err;
    private final Consumer<RunEvent> events;

    ConsoleListener(PrintWriter out, PrintWriter err) {
        this(out, err, event -> { });
    }

    /** @param events hears the run's typed events (a post-mortem wait, for one) */
    ConsoleListener(PrintWriter out, PrintWriter err, Consumer<RunEvent> events) {
        this.out = out;
        this.err = err;
        this.events = events;
    }

    @Override
    public void event(RunEvent event) {
        events.accept(event);
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

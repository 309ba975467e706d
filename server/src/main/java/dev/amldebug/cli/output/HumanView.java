package dev.amldebug.cli.output;

import java.io.PrintWriter;

/** How a command shows its value to a person (a table, or "key: value" lines), coloured when {@code colour}. */
@FunctionalInterface
public interface HumanView {
    void print(PrintWriter out, boolean colour);
}

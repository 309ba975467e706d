package dev.amldebug.bridge.console;

import dev.amldebug.errors.AmlDebugException;
import java.io.PrintStream;
import org.eclipse.lsp4j.debug.StackFrame;

/** The interactive prompt at a stop: c, n, s, finish, bt, p EXPR, b FILE:LINE, q. */
final class Prompt {
    private final Session session;
    private final int thread;
    private final StackFrame top;
    private final ConsoleOptions options;
    private final ConsoleInput input;
    private final PrintStream out;

    Prompt(Session session, int thread, StackFrame top, ConsoleOptions options, ConsoleInput input) {
        this.session = session;
        this.input = input;
        this.thread = thread;
        this.top = top;
        this.options = options;
        this.out = options.out();
    }

    /** @return false when the user quit */
    boolean loop() throws Exception {
        while (true) {
            out.print("(aml-debug) " + Location.relative(top.getSource() == null ? null : top.getSource().getPath(),
                    options.codeDir()) + ":" + top.getLine() + " > ");
            out.flush();
            String line = input.nextLine();
            if (line == null && input.hasSessionEnded()) {
                out.println();
                return true;
            }
            if (line == null) {
                session.resume(thread, "c");
                return true;
            }
            String command = line.trim();
            String word = command.split("\\s+", 2)[0];
            String rest = command.length() > word.length() ? command.substring(word.length()).trim() : "";
            switch (word) {
                case "c", "continue", "n", "next", "s", "step", "finish" -> {
                    session.resume(thread, word.substring(0, 1).equals("f") ? "finish" : word.substring(0, 1));
                    return true;
                }
                case "q", "quit" -> {
                    out.println("Ending the debuggee.");
                    session.detach(true);
                    return false;
                }
                case "bt", "where" -> backtrace(session, thread, options);
                case "p", "print" -> out.println(session.evaluate(rest, top.getId()));
                case "b", "break" -> breakAt(rest);
                case "locals" -> session.printLocals(top);
                case "" -> { }
                default -> out.println(Session.HELP);
            }
        }
    }

    static void backtrace(Session session, int thread, ConsoleOptions options) throws Exception {
        for (StackFrame frame : session.stack(thread)) {
            options.out().println("  " + Location.of(frame, options.codeDir()) + " in " + frame.getName());
        }
    }

    private void breakAt(String text) throws Exception {
        try {
            Location location = Location.parse(text, options.codeDir());
            session.addBreakpoint(location);
            out.println("breakpoint at " + Location.relative(location.file().toString(), options.codeDir()) + ":"
                    + location.line());
        } catch (AmlDebugException e) {
            out.println(e.getMessage());
        }
    }
}

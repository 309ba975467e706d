package dev.amldebug.cli.progress;

import dev.amldebug.azure.TransferListener;
import java.time.Duration;
import java.util.List;

/**
 * Long work as the console shows it: a bar (or a spinner) on a terminal, plain lines for a program or a file. Make one
 * with {@link #bars} or {@link #lines}; {@link #wanted} says which a command line asks for.
 */
public interface Progress {
    /** Work of counted steps, such as an image build's: "Building image". */
    Task steps(String task);

    /** {@code totalBytes} to move: "Uploading the code snapshot of src". */
    Task bytes(String task, long totalBytes);

    /** A wait for something, up to {@code limit} (null: no limit): "Waiting for a debugger on 127.0.0.1:5678". */
    Task waiting(String what, Duration limit);

    /** Whether it draws on a terminal: then the lines a bar stands for (an image build's) need not be printed too. */
    default boolean onTerminal() {
        return false;
    }

    /** Uploads and downloads as {@link #bytes} tasks, one at a time. */
    default TransferListener transfers() {
        return new TransferTasks(this);
    }

    /** Bars on {@code terminal}, whose other text goes through {@link StickyLine#writer()}. */
    static Progress bars(StickyLine terminal) {
        return new BarProgress(terminal);
    }

    /** Plain lines: no carriage returns, no escape codes. */
    static Progress lines(java.io.PrintWriter out) {
        return new PlainProgress(out);
    }

    /**
     * Whether to draw bars: only on a terminal that can move its cursor ({@code TERM} not dumb), and not when the
     * arguments ask for JSON ({@code -o json}, {@code --output json}), whose reader wants nothing but data.
     */
    static boolean wanted(boolean streamIsTerminal, String term, List<String> args) {
        if (!streamIsTerminal || "dumb".equals(term)) {
            return false;
        }
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            boolean option = arg.equals("-o") || arg.equals("--output");
            if (option && i + 1 < args.size() && args.get(i + 1).equalsIgnoreCase("json")
                    || arg.equalsIgnoreCase("-ojson") || arg.equalsIgnoreCase("--output=json")) {
                return false;
            }
        }
        return true;
    }

    /** One piece of work shown; close it when the work ends (whether it went well or not). */
    interface Task extends AutoCloseable {
        /** Step {@code step} of {@code total} started (steps tasks). */
        default void stepTo(long step, long total) {
        }

        /** {@code amount} more done (bytes tasks). */
        default void add(long amount) {
        }

        @Override
        default void close() {
        }
    }
}

package dev.amldebug.cli.progress;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;

/**
 * A terminal stream whose last line holds one progress bar while other text scrolls above it: text written through
 * {@link #writer()} first clears the bar, and once its line ends the bar is drawn again below it. While a line is
 * unfinished (a prompt) no bar is drawn.
 */
public final class StickyLine {
    private static final String CLEAR_LINE = "\r\u001b[K";

    private final PrintStream stream;
    private final PrintWriter writer;
    private Object owner;
    private String bar;
    private boolean barShown;
    private boolean lineOpen;
    private int width;

    public StickyLine(PrintStream stream) {
        this.stream = stream;
        this.writer = writer(stream);
    }

    /** Text for this stream that is not a bar (autoflush). */
    public PrintWriter writer() {
        return writer;
    }

    /** Text for {@code other}, a stream to the same terminal (stdout beside stderr): the bar steps aside for it too. */
    public PrintWriter writer(PrintStream other) {
        return new PrintWriter(new Writer() {
            @Override
            public void write(char[] text, int offset, int length) {
                text(other, new String(text, offset, length));
            }

            @Override
            public void flush() {
                other.flush();
            }

            @Override
            public void close() {
                other.flush();
            }
        }, true);
    }

    /** The terminal's width less a margin, as the library finds it (JLine; 80 when it cannot tell). */
    synchronized int width() {
        if (width == 0) {
            width = new ConsoleProgressBarConsumer(stream).getMaxRenderedLength();
        }
        return width;
    }

    /** Whether {@code task} may draw: no other task's bar is on the line. */
    synchronized boolean claim(Object task) {
        if (owner != null) {
            return false;
        }
        owner = task;
        return true;
    }

    synchronized void draw(Object task, String rendered) {
        if (owner != task) {
            return;
        }
        bar = rendered;
        if (!lineOpen) {
            stream.print(CLEAR_LINE + rendered);
            stream.flush();
            barShown = true;
        }
    }

    /** {@code task}'s bar ends: kept as a line of its own, or cleared. */
    synchronized void release(Object task, boolean keep) {
        if (owner != task) {
            return;
        }
        if (barShown) {
            stream.print(keep ? "\n" : CLEAR_LINE);
            stream.flush();
        }
        owner = null;
        bar = null;
        barShown = false;
    }

    private synchronized void text(PrintStream target, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (barShown) {
            stream.print(CLEAR_LINE);
            stream.flush();
            barShown = false;
        }
        target.print(text);
        target.flush();
        lineOpen = !text.endsWith("\n");
        if (!lineOpen && bar != null) {
            stream.print(bar);
            stream.flush();
            barShown = true;
        }
    }
}

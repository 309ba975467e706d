package dev.amldebug.bridge.console;

import dev.amldebug.bridge.hub.Debuggee;
import java.nio.file.Path;
import org.eclipse.lsp4j.debug.StackFrame;

/** One rank in the console: its debug session, and whether it runs, is stopped (where), or has ended. */
final class Rank {
    enum State { STARTING, RUNNING, STOPPED, ENDED }

    final Debuggee debuggee;
    final Session session;
    private volatile State state = State.STARTING;
    private int thread;
    private StackFrame top;

    Rank(Debuggee debuggee, Session session) {
        this.debuggee = debuggee;
        this.session = session;
    }

    synchronized void stopped(int stoppedThread, StackFrame frame) {
        state = State.STOPPED;
        thread = stoppedThread;
        top = frame;
    }

    synchronized void running() {
        if (state != State.ENDED) {
            state = State.RUNNING;
        }
    }

    /** Lets it run on ({@code c}, {@code n}, {@code s}, {@code finish}); it counts as running from now. */
    void resume(String how) throws Exception {
        running();
        session.resume(thread(), how);
    }

    synchronized void ended() {
        state = State.ENDED;
    }

    State state() {
        return state;
    }

    synchronized int thread() {
        return thread;
    }

    synchronized StackFrame top() {
        return top;
    }

    /** {@code rank 3}: the prefix of its lines. */
    String label() {
        return debuggee.label();
    }

    /** Where it stopped, as {@code train.py:40}; its state otherwise. */
    String where(Path codeDir) {
        return switch (state) {
            case STOPPED -> "stopped at " + Location.of(top(), codeDir);
            case RUNNING -> "running";
            case STARTING -> "starting";
            case ENDED -> "ended";
        };
    }

    /** Lower ranks first; a debuggee without a rank after every rank. */
    int order() {
        return debuggee.rank() == null ? Integer.MAX_VALUE : debuggee.rank();
    }
}

package dev.amldebug.server.run;

import dev.amldebug.runner.run.RunEvent;
import dev.amldebug.runner.run.RunListener;
import dev.amldebug.runner.run.RunRecord;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Several listeners as one. A listener that fails (an editor gone away) never stops the run or the others. */
final class RunListeners implements RunListener {
    private static final Logger LOG = LoggerFactory.getLogger(RunListeners.class);

    private final List<RunListener> listeners;

    RunListeners(List<RunListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void controlLine(String line) {
        each(listener -> listener.controlLine(line));
    }

    @Override
    public void driverOutput(String text) {
        each(listener -> listener.driverOutput(text));
    }

    @Override
    public void statusChanged(RunRecord record) {
        each(listener -> listener.statusChanged(record));
    }

    @Override
    public void event(RunEvent event) {
        each(listener -> listener.event(event));
    }

    private void each(Consumer<RunListener> call) {
        for (RunListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.debug("A run listener failed; the run goes on", e);
            }
        }
    }
}

package dev.amldebug.runner.run;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import dev.amldebug.runner.debug.DebugShim;
import dev.amldebug.runner.debug.ShimLines;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Follows a container's output into {@code 70_driver_log.txt} and the listener as it is written;
 * the debug shim's word that a debugger attached, or that a failed script waits for one, becomes an event.
 */
public final class DriverLogStream extends ResultCallback.Adapter<Frame> {
    private final String runId;
    private final OutputStream file;
    private final RunListener listener;
    private final String debugEndpoint;
    private final RunStore store;
    private final ShimLines shimLines = new ShimLines();
    private boolean attached;
    private volatile IOException writeFailure;

    public DriverLogStream(String runId, Path driverLog, RunListener listener) {
        this(runId, driverLog, listener, null, null);
    }

    /**
     * A debug run's output, whose post-mortem waits are recorded in the store.
     *
     * @param debugEndpoint where debugpy is published, for the events that say a debugger may attach
     */
    DriverLogStream(String runId, RunStore store, RunListener listener, String debugEndpoint) {
        this(runId, store.driverLog(runId), listener, debugEndpoint, store);
    }

    private DriverLogStream(String runId, Path driverLog, RunListener listener, String debugEndpoint, RunStore store) {
        this.runId = runId;
        this.debugEndpoint = debugEndpoint;
        this.store = store;
        try {
            this.file = new FileOutputStream(driverLog.toFile(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + driverLog, e);
        }
        this.listener = listener;
    }

    @Override
    public void onNext(Frame frame) {
        byte[] payload = frame.getPayload();
        if (writeFailure == null) {
            try {
                file.write(payload);
                file.flush();
            } catch (IOException e) {
                // A full disk, say: the output still reaches the listener; the run's end says what was lost.
                writeFailure = e;
            }
        }
        String text = new String(payload, StandardCharsets.UTF_8);
        listener.driverOutput(text);
        if (!attached && text.contains(DebugShim.ATTACHED_LINE)) {
            attached = true;
            listener.event(new RunEvent.DebuggerAttached(runId));
        }
        for (ShimLines.PostMortem waiting : shimLines.postMortems(text)) {
            if (store != null) {
                store.update(runId, r -> r.postMortem = waiting.exception());
            }
            listener.event(new RunEvent.PostMortemWaiting(runId, debugEndpoint, waiting.exception(), waiting.timeoutSeconds()));
        }
    }

    /** Why the driver log stopped being written (a full disk), if it did. */
    public Optional<IOException> writeFailure() {
        return Optional.ofNullable(writeFailure);
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            file.close();
        }
    }
}

package dev.amldebug.runner.run;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import dev.amldebug.runner.debug.DebugShim;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Follows a container's output into {@code 70_driver_log.txt} and the listener as it is written;
 * the debug shim's word that a debugger attached becomes an event.
 */
public final class DriverLogStream extends ResultCallback.Adapter<Frame> {
    private final String runId;
    private final OutputStream file;
    private final RunListener listener;
    private boolean attached;

    public DriverLogStream(String runId, Path driverLog, RunListener listener) {
        this.runId = runId;
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
        try {
            file.write(payload);
            file.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the driver log", e);
        }
        String text = new String(payload, StandardCharsets.UTF_8);
        listener.driverOutput(text);
        if (!attached && text.contains(DebugShim.ATTACHED_LINE)) {
            attached = true;
            listener.event(new RunEvent.DebuggerAttached(runId));
        }
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
